import type Dockerode from 'dockerode';
import type { WaitStrategy } from 'testcontainers';
import { pollUntil } from '../waiting/poll-until.js';
import { containerRuntime } from './container-runtime.js';

type BoundPorts = Parameters<WaitStrategy['waitUntilReady']>[1];

/**
 * Ready when `path` answers 200: testcontainers' HTTP wait, but with a generous time per
 * request. Its own allows 1 s per request (and waits that long between tries), and on a
 * loaded machine a node_exporter takes longer than that to collect /metrics: every try was
 * aborted for two minutes, and a healthy engine was reported as not starting. Here each
 * request may take 30 s, tries are 200 ms apart, and an engine that exits stops the wait.
 */
export class HttpReadyWait implements WaitStrategy {
  private startupTimeoutMs = 300_000;
  private timeoutSet = false;

  constructor(
    private readonly path: string,
    private readonly port: number,
  ) {}

  async waitUntilReady(container: Dockerode.Container, boundPorts: BoundPorts): Promise<void> {
    const host = (await containerRuntime()).info.containerRuntime.host;
    const url = `http://${host}:${boundPorts.getBinding(this.port)}${this.path}`;
    let exited = false;
    await pollUntil(
      async () => {
        if ((await container.inspect()).State.Status === 'exited') return (exited = true);
        const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        await response.body?.cancel();
        return response.status === 200 ? true : undefined;
      },
      { timeoutMs: this.startupTimeoutMs, intervalMs: 200, what: `${this.path} to answer 200` },
    );
    // The caller reports an exit with the engine's last log lines.
    if (exited) throw new Error('Container exited before it was ready');
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.startupTimeoutMs = startupTimeoutMs;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.startupTimeoutMs;
  }
}
