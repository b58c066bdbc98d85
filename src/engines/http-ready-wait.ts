import type Dockerode from 'dockerode';
import type { WaitStrategy } from 'testcontainers';
import { pollUntil } from '../waiting/poll-until.js';
import { containerRuntime } from './container-runtime.js';
import type { HttpReadyCheck } from './engine.js';
import { httpReadyAwaiting, httpReadyProbe } from './http-ready-probe.js';

type BoundPorts = Parameters<WaitStrategy['waitUntilReady']>[1];

/**
 * Ready when the check's path answers 200 (with the body it accepts, if it names one):
 * testcontainers' HTTP wait, but with a generous time per
 * request. Its own allows 1 s per request (and waits that long between tries), and on a
 * loaded machine a node_exporter takes longer than that to collect /metrics: every try was
 * aborted for two minutes, and a healthy engine was reported as not starting. Here each
 * request may take 30 s, tries are 200 ms apart, and an engine that exits stops the wait.
 */
export class HttpReadyWait implements WaitStrategy {
  private startupTimeoutMs = 300_000;
  private timeoutSet = false;

  constructor(private readonly check: HttpReadyCheck) {}

  async waitUntilReady(container: Dockerode.Container, boundPorts: BoundPorts): Promise<void> {
    const host = (await containerRuntime()).info.containerRuntime.host;
    const url = `http://${host}:${boundPorts.getBinding(this.check.port)}${this.check.path}`;
    let exited = false;
    await pollUntil(
      async () => {
        if ((await container.inspect()).State.Status === 'exited') return (exited = true);
        return httpReadyProbe(url, this.check);
      },
      { timeoutMs: this.startupTimeoutMs, intervalMs: 200, what: httpReadyAwaiting(this.check) },
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
