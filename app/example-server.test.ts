import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/sources/repo-files.js';
import { startExampleServer, type ExampleServer } from './example-server.js';
import { scrape, sampleValue } from '../tests/support/scrape.js';

let server: ExampleServer;
beforeAll(async () => {
  server = await startExampleServer({ port: 0 });
});
afterAll(() => server?.close());
beforeEach(() => server.faults.reset());

const get = async (path: string) => {
  const response = await fetch(server.url + path, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, body: await response.text() };
};
const metricsNow = async () => (await scrape(`${server.url}/metrics`)).families;

describe('the example server (test fixture)', () => {
  it('fails exactly the requested share of API requests, through the database wrapper', async () => {
    const before = await metricsNow();
    expect((await get('/fault/error-rate?ratio=0.25')).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await get('/api/timelines')).status);
    expect(statuses).toEqual([200, 200, 200, 500, 200, 200, 200, 500]);
    const after = await metricsNow();
    const errors = (families: typeof after) => sampleValue(families, 'db_queries_total', { operation: 'select', table: 'timelines', status: 'error' }) ?? 0;
    expect(errors(after) - errors(before)).toBe(2);
  });

  it('delays API requests by the requested latency', async () => {
    await get('/fault/latency?ms=60');
    const bucket = (families: Awaited<ReturnType<typeof metricsNow>>, le: string) =>
      sampleValue(families, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/api/timelines', status: '200', le }) ?? 0;
    const before = await metricsNow();
    expect((await get('/api/timelines')).status).toBe(200);
    const after = await metricsNow();
    // A request held for 60 ms cannot land in the 50 ms bucket; it must land in the 100 ms+ ones.
    expect(bucket(after, '0.05') - bucket(before, '0.05')).toBe(0);
    expect(bucket(after, '+Inf') - bucket(before, '+Inf')).toBe(1);
  });

  it('fails /health on request, counting the failed check, and recovers on reset', async () => {
    await get('/fault/health?failing=true');
    expect(await get('/health')).toEqual({ status: 503, body: JSON.stringify({ status: 'failing', checks: { database: 'fail', cache: 'pass' } }) });
    expect(sampleValue(await metricsNow(), 'health_checks_total', { check: 'database', result: 'fail' })).toBeGreaterThanOrEqual(1);
    await get('/fault/reset');
    expect((await get('/health')).status).toBe(200);
  });

  it('reports the pool it is told to, and requests in flight (none now) after reset', async () => {
    await get('/fault/pool?active=9&max=10');
    let families = await metricsNow();
    expect([sampleValue(families, 'db_connections_active'), sampleValue(families, 'db_connections_max')]).toEqual([9, 10]);
    await get('/fault/reset');
    families = await metricsNow();
    expect([sampleValue(families, 'db_connections_active'), sampleValue(families, 'db_connections_max')]).toEqual([0, 10]);
  });

  it.each([
    ['/fault/error-rate?ratio=2', 'ratio=2 is not a number from 0 to 1'],
    ['/fault/error-rate', 'ratio=(missing) is not a number from 0 to 1'],
    ['/fault/latency?ms=fast', 'ms=fast is not a number from 0 to 60000'],
    ['/fault/health?failing=yes', 'failing=yes must be true or false'],
    ['/fault/pool?active=11&max=10', 'active=11 is above max=10'],
    ['/fault/pool?active=1.5&max=10', 'active=1.5 is not a whole number from 0 to 1000000'],
  ])('refuses %s with 400, naming the value, and changes nothing', async (path, message) => {
    expect(await get(path)).toEqual({ status: 400, body: `${message}\n` });
    expect(JSON.parse((await get('/fault')).body)).toEqual({ errorRatio: 0, latencyMs: 0, healthFailing: false });
  });
});

describe('the example server as a process', () => {
  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/example-server.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null]>;
    // Bound: never outlive the test. tsx alone can take tens of seconds to start at load 30.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    void exited.then(() => clearTimeout(timer));
    return { child, exited, output: () => output };
  };

  it('listens on HOST and PORT, serves /metrics, and stops cleanly on SIGTERM', async () => {
    const proc = run({ HOST: '127.0.0.1', PORT: '0' });
    const url = await new Promise<string>((resolve, reject) => {
      proc.child.stdout.on('data', () => {
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(proc.output());
        if (found) resolve(found[1]!);
      });
      void proc.exited.then(() => reject(new Error(`exited before listening:\n${proc.output()}`)));
    });
    expect((await scrape(`${url}/metrics`)).families.has('http_requests_total')).toBe(true);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toEqual([0, null]);
  }, 180_000);

  it('refuses a PORT that is not a port, naming it', async () => {
    const proc = run({ PORT: 'eighty' });
    expect((await proc.exited)[0]).toBe(2);
    expect(proc.output()).toContain('PORT=eighty is not a port number; use 0-65535');
  }, 180_000);
});
