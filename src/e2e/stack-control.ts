import { createServer, type Server } from 'node:http';
import type { RunningEngine } from '../engines/engine.js';
import type { HostedExampleApp } from './example-app-host.js';
import { listenOnLoopback, type LoopbackServer } from './listen-on-loopback.js';

/**
 * Lets tests, which run in worker processes, take parts of the live stack down and bring them
 * back; the engines and the app belong to the globalSetup process. Listens on localhost only.
 *   POST /engines/<name>/pause | /engines/<name>/resume   (docker stop / start)
 *   POST /app/stop | /app/start
 *   GET /engines/<name>/port/<container port>   the host port now (Docker maps new ones on start)
 */
export async function startStackControl(parts: { engines: Record<string, RunningEngine>; app?: HostedExampleApp }): Promise<LoopbackServer> {
  const server: Server = createServer((req, res) => {
    const answer = (status: number, text = '') => res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    const [, area, name, action, containerPort] = /^\/(engines|app)\/([\w-]+)(?:\/(\w+))?(?:\/(\d+))?$/.exec(req.url ?? '') ?? [];
    let work: (() => Promise<void>) | undefined;
    const app = parts.app;
    if (req.method === 'POST' && app && area === 'app' && (name === 'stop' || name === 'start')) work = () => app[name]();
    const engine = area === 'engines' && name ? parts.engines[name] : undefined;
    if (req.method === 'GET' && engine && action === 'port' && containerPort) return answer(200, String(engine.port(Number(containerPort))));
    if (req.method === 'POST' && engine && (action === 'pause' || action === 'resume')) work = () => engine[action]();
    if (!work) return answer(404, `unknown control ${req.method} ${req.url}; engines: ${Object.keys(parts.engines).join(', ')}`);
    work().then(
      () => answer(204),
      (error: unknown) => answer(500, error instanceof Error ? error.message : String(error)),
    );
  });
  return listenOnLoopback(server);
}

/** The tests' side of the stack control. */
export class StackControl {
  constructor(readonly url: string) {}

  pause(engine: string): Promise<void> {
    return this.post(`/engines/${engine}/pause`);
  }

  resume(engine: string): Promise<void> {
    return this.post(`/engines/${engine}/resume`);
  }

  stopApp(): Promise<void> {
    return this.post('/app/stop');
  }

  startApp(): Promise<void> {
    return this.post('/app/start');
  }

  /** `url` (of the engine's `containerPort`, as first started) with the host port Docker maps now. */
  async currentUrl(engine: string, containerPort: number, url: string): Promise<string> {
    const res = await fetch(`${this.url}/engines/${engine}/port/${containerPort}`, { signal: AbortSignal.timeout(60_000) });
    if (res.status !== 200) throw new Error(`stack control could not tell ${engine}'s port ${containerPort}: ${res.status} ${await res.text()}`);
    const now = new URL(url);
    now.port = await res.text();
    return now.toString().replace(/\/$/, '');
  }

  private async post(path: string): Promise<void> {
    // resume() waits for the engine's ready check, bounded at 300 s by default (container-engine.ts).
    const res = await fetch(`${this.url}${path}`, { method: 'POST', signal: AbortSignal.timeout(360_000) });
    if (res.status !== 204) throw new Error(`stack control ${path} answered ${res.status}: ${await res.text()}`);
  }
}
