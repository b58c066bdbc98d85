export type ToolName = 'promtool' | 'amtool';

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** How it ran, for messages: `local /usr/bin/promtool` or `image prom/prometheus:v2.42.0`. */
  via: string;
  /** Killed because its time budget ran out (a local binary's run; the image runner has no budget). */
  timedOut?: boolean;
}

export class ToolUnavailableError extends Error {
  constructor(
    readonly tool: ToolName,
    reason: string,
  ) {
    super(`${tool} is not available: ${reason}`);
    this.name = 'ToolUnavailableError';
  }
}
