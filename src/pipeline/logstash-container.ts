import { containerRuntime } from '../engines/container-runtime.js';
import { demuxDockerLogs } from '../engines/docker-log-frames.js';
import { labelKeys } from '../engines/harness-labels.js';
import type { ElkStackInfo } from './elk-stack.js';

export interface LogstashContainer {
  exec(command: string[]): Promise<{ exitCode: number; output: string }>;
  /** Logstash's own log (stdout and stderr), from the start. */
  logs(): Promise<string>;
}

/**
 * The Logstash container this run started, seen from a test worker (the stack's engine
 * objects stay in the globalSetup process): found by our session label and its image.
 */
export async function logstashContainer(info: ElkStackInfo['logstashContainer']): Promise<LogstashContainer> {
  const client = await containerRuntime();
  const found = (await client.container.list()).filter((c) => c.Labels?.[labelKeys.session] === info.sessionId && c.Image === info.image && c.State === 'running');
  if (found.length !== 1) throw new Error(`expected one running ${info.image} container of session ${info.sessionId}, found ${found.length}`);
  const container = client.container.getById(found[0]!.Id);
  return {
    exec: async (command) => {
      const result = await client.container.exec(container, command);
      return { exitCode: result.exitCode, output: result.output };
    },
    logs: async () => demuxDockerLogs((await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer),
  };
}
