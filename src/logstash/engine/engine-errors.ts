import type { Position } from '../parser/ast.js';

/** file:line:col of a node of a config. */
export function whereOf(file: string, pos: Position): string {
  return `${file}:${pos.line}:${pos.column}`;
}

/**
 * Something that would stop a Logstash worker at runtime (an exception escaping a filter, an
 * output or a condition): Logstash logs it and the pipeline dies. The engine stops the run
 * and names the config line and the event's cause.
 */
export class WorkerCrash extends Error {
  constructor(
    readonly where: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`${where}: Logstash's worker would die here: ${message}`);
    this.name = 'WorkerCrash';
  }
}

/**
 * A config Logstash would refuse to load (it does not start the pipeline): an unknown plugin or
 * option, a value that does not validate, a condition the compiler rejects.
 */
export class PipelineLoadError extends Error {
  constructor(
    readonly where: string,
    message: string,
    readonly hint?: string,
  ) {
    super(`${where}: ${message}${hint ? `\n  hint: ${hint}` : ''}`);
    this.name = 'PipelineLoadError';
  }
}
