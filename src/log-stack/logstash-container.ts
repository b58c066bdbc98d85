import { containerRuntime } from '../engines/container-runtime.js';
import { demuxDockerLogs } from '../engines/docker-log-frames.js';
import { sessionContainerId, type SessionContainerRef } from './session-container.js';

export interface LogstashContainer {
  exec(command: string[]): Promise<{ exitCode: number; output: string }>;
  /** Logstash's own log (stdout and stderr), from the start. */
  logs(): Promise<string>;
}

/** The Logstash container this run started, seen from a test worker. */
export async function logstashContainer(ref: SessionContainerRef): Promise<LogstashContainer> {
  const client = await containerRuntime();
  const container = client.container.getById(await sessionContainerId(ref));
  return {
    exec: async (command) => {
      const result = await client.container.exec(container, command);
      return { exitCode: result.exitCode, output: result.output };
    },
    logs: async () => demuxDockerLogs((await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer),
  };
}
