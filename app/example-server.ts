/**
 * A TEST FIXTURE, not the real application: a tiny timetable API built on app/metrics, for
 * integration tests to scrape as the `timetable-app` target and to push into failure on
 * purpose (see app/metrics/README.md, "The example server"). Its tables live in MySQL (or
 * MariaDB) through a mysql2 pool when DATABASE_URL names one, as in the end-to-end tests, so
 * its database metrics come from real queries; otherwise in memory.
 *
 *   HOST=0.0.0.0 PORT=3000 DATABASE_URL=mysql://timetable:pw@127.0.0.1:3306/timetable npx tsx app/example-server.ts
 *
 * HOST defaults to 127.0.0.1 (containers reaching it through host-gateway need 0.0.0.0),
 * PORT to 3000 (0 picks a free port; the line printed at start names it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { examplePoolMax, FaultInjection } from './example/fault-injection.js';
import { faultTemplates, handleFaultRoute } from './example/fault-routes.js';
import { answerHealth } from './example/health-route.js';
import { memoryStore } from './example/memory-store.js';
import type { MysqlStoreOptions } from './example/mysql-store.js';
import { createTimetableApi } from './example/timetable-api.js';
import { createAppMetrics, type AppMetrics } from './metrics/app-metrics.js';
import { RouteTable } from './metrics/route-table.js';

export interface ExampleServer {
  url: string;
  port: number;
  metrics: AppMetrics;
  faults: FaultInjection;
  close(): Promise<void>;
}

export interface ExampleServerOptions {
  host?: string;
  port?: number;
  processMetrics?: boolean;
  /** The database (mysql2 pool of examplePoolMax connections); tables live in memory without one. */
  database?: Omit<MysqlStoreOptions, 'poolMax'>;
}

export async function startExampleServer(options: ExampleServerOptions = {}): Promise<ExampleServer> {
  const metrics = createAppMetrics({ processMetrics: options.processMetrics ?? false });
  // mysql2 is loaded only when a database is named: the example alone starts as fast as before.
  const store = options.database ? (await import('./example/mysql-store.js')).mysqlStore({ ...options.database, poolMax: examplePoolMax }) : memoryStore();
  const faults = new FaultInjection(metrics.pool, store.pool);
  const api = createTimetableApi(metrics, faults, store);
  const routes = new RouteTable(['/health', ...api.templates, ...faultTemplates]);
  // A database outage fails every request the same way: say each distinct failure once, then
  // every 100th time, instead of a line per request.
  const seen = new Map<string, number>();
  const quietAboutInjectedFaults = (error: unknown, req: { method?: string; url?: string }, status: number) => {
    if (status < 500 || (error instanceof Error && error.message.startsWith('injected fault'))) return;
    const what = `${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`;
    const count = (seen.get(what) ?? 0) + 1;
    seen.set(what, count);
    if (count === 1 || count % 100 === 0) console.error(count === 1 ? what : `${what} (${count} times so far)`);
  };

  const handler = metrics.instrument(
    async (req, res) => {
      const template = routes.match(req.url ?? '/');
      if (template === '/health' && req.method === 'GET') return answerHealth(metrics.health, faults, res);
      if (template && handleFaultRoute(faults, req, res, template)) return;
      if (template && (await api.handle(req, res, template))) return;
      res.writeHead(template ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(template ? `${req.method} is not served on ${template}\n` : `nothing at ${req.url}\n`);
    },
    { routes, onError: quietAboutInjectedFaults },
  );
  // /metrics is served outside the instrumentation: scrapes are not application traffic,
  // and counting them would make every idle app look busy to TrafficDrop.
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] === '/metrics') void metrics.metricsHandler(req, res);
    else handler(req, res);
  });
  const port = await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    metrics,
    faults,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      await store.close().catch(() => undefined);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** PORT as a port number, or an exit naming the bad value. */
function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    console.error(`example-server: PORT=${raw} is not a port number; use 0-65535 (0 picks a free one)`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const host = process.env.HOST || '127.0.0.1';
  const database = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined;
  const server = await startExampleServer({ host, port: portFromEnv(process.env.PORT), processMetrics: process.env.PROCESS_METRICS === 'true', database }).catch((error: NodeJS.ErrnoException) => {
    console.error(`example-server: cannot listen on ${host}:${process.env.PORT ?? 3000}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  console.log(`example server listening on ${server.url} (metrics at ${server.url}/metrics)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
}
