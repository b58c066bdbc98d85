import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How a stand-in scrape target answers GET /metrics:
 * - `serve`: a valid exposition (the text the target's `exposition` function gives for this scrape);
 * - `hang`: holds the request unanswered, as a hung exporter does, until Prometheus gives up at its
 *   scrape_timeout or the mode changes;
 * - `garbage`: 200 with a text/plain body that is not the exposition format;
 * - `gone`: the port is closed, as when the process or container is gone (connection refused).
 */
export type TargetMode = 'serve' | 'hang' | 'garbage' | 'gone';
export const targetModes: readonly TargetMode[] = ['serve', 'hang', 'garbage', 'gone'];

/** The Prometheus text format's content type (what exporters send; Prometheus then parses it as text). */
const textFormat = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * A body Prometheus's text parser rejects at its first line: a sample line whose value is not a
 * number. A scrape whose body fails to parse is rolled back whole and reported as `up` 0
 * (prometheus v3.5.3 scrape/scrape.go:1483-1499 makes the append error the scrape error;
 * report(), :2107-2112, writes up = 0 for any scrape error).
 */
export const garbageBody = '<html><body>502 Bad Gateway</body></html>\nnot_a_metric{ value\n';

/**
 * A scrape target served by the harness on every interface (so the Prometheus container reaches
 * it at host.docker.internal:<port>, like the hosted example app), whose behaviour a test
 * switches between healthy and the faults above. It stays on one port for its whole life, so a
 * target that went `gone` comes back where Prometheus looks for it.
 */
export class StandInTarget {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();
  private modeNow: TargetMode;
  /** GET /metrics requests answered (any mode but `gone`), for the tests' evidence. */
  scrapes = 0;

  private constructor(
    readonly port: number,
    private readonly exposition: () => string,
    mode: TargetMode,
  ) {
    this.modeNow = mode;
  }

  static async start(exposition: () => string, mode: TargetMode = 'serve'): Promise<StandInTarget> {
    const probe = await listen(0, () => undefined);
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const target = new StandInTarget(port, exposition, 'serve');
    await target.setMode(mode);
    return target;
  }

  get mode(): TargetMode {
    return this.modeNow;
  }

  async setMode(mode: TargetMode): Promise<void> {
    this.modeNow = mode;
    // Whatever was held is released: a recovered exporter answers; a gone one drops the connection.
    for (const res of this.held) res.destroy();
    this.held.clear();
    if (mode === 'gone') await this.closeServer();
    else if (!this.server) this.server = await this.open();
  }

  stop(): Promise<void> {
    return this.setMode('gone');
  }

  private async open(): Promise<Server> {
    try {
      const server = await listen(this.port, (req, res) => this.answer(req, res));
      server.on('connection', (socket) => {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      });
      return server;
    } catch (error) {
      throw new Error(`the stand-in target could not listen on port ${this.port} again (${(error as NodeJS.ErrnoException).code ?? String(error)}): another process took it while the target was gone`);
    }
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' || !req.url?.startsWith('/metrics')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('stand-in target: only GET /metrics\n');
      return;
    }
    this.scrapes++;
    if (this.modeNow === 'hang') {
      this.held.add(res);
      res.once('close', () => this.held.delete(res));
      return;
    }
    const body = this.modeNow === 'garbage' ? garbageBody : this.exposition();
    res.writeHead(200, { 'content-type': textFormat }).end(body);
  }
}

function listen(port: number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    // Every interface: the Prometheus container reaches the host through host-gateway.
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
