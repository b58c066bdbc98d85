import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StartedSyntheticTarget extends AsyncDisposable {
  readonly port: number;
  /** Control URL on localhost (for tests in any process of the run). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A scrape target on the host whose exposition text tests set at will: the stand-in for an
 * application or exporter we want to shape precisely. Prometheus in a container scrapes it
 * at host.docker.internal:<port>/metrics.
 *   PUT /__target/metrics   body: exposition text to serve from now on
 *   PUT /__target/up        body: "false" answers scrapes with 503 (the target looks down)
 */
export async function startSyntheticTarget(initial = ''): Promise<StartedSyntheticTarget> {
  let exposition = initial;
  let up = true;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'PUT' && req.url === '/__target/metrics') {
        exposition = body.endsWith('\n') || body === '' ? body : `${body}\n`;
        return void res.writeHead(204).end();
      }
      if (req.method === 'PUT' && req.url === '/__target/up') {
        up = body.trim() !== 'false';
        return void res.writeHead(204).end();
      }
      if (req.url === '/metrics') {
        if (!up) return void res.writeHead(503).end('down on purpose (synthetic target)');
        return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(exposition);
      }
      res.writeHead(404).end('synthetic target serves /metrics; control it with PUT /__target/metrics or /__target/up');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { port, url: `http://127.0.0.1:${port}`, stop, [Symbol.asyncDispose]: stop };
}

/** Drives a synthetic target from any process of the run. */
export class SyntheticTargetClient {
  constructor(readonly url: string) {}

  async serve(exposition: string): Promise<void> {
    const res = await fetch(`${this.url}/__target/metrics`, { method: 'PUT', body: exposition });
    if (res.status !== 204) throw new Error(`synthetic target refused the metrics: ${res.status}`);
  }

  async setUp(up: boolean): Promise<void> {
    const res = await fetch(`${this.url}/__target/up`, { method: 'PUT', body: String(up) });
    if (res.status !== 204) throw new Error(`synthetic target refused the up state: ${res.status}`);
  }
}
