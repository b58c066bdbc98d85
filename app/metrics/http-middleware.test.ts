import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { createAppMetrics, type AppMetrics } from './app-metrics.js';
import { serveLocally, rawRequest, type LocalServer } from '../../tests/support/local-server.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A node:http server whose handler answers `status` with `body`, behind the middleware. */
async function plainServer(metrics: AppMetrics, routes: string[], respond: Parameters<typeof serveLocally>[0] = (_req, res) => res.end('ok')) {
  const track = metrics.middleware({ routes });
  server = await serveLocally((req, res) => {
    track(req, res);
    respond(req, res);
  });
  return server.url;
}

describe('HTTP middleware on a plain node:http server', () => {
  it('labels by route template, never by raw URL, query string or trailing slash', async () => {
    const metrics = createAppMetrics();
    const url = await plainServer(metrics, ['/api/timelines', '/api/timelines/:id']);
    for (const path of ['/api/timelines/1', '/api/timelines/2?expand=true', '/api/timelines/', '/api/timelines']) await rawRequest(url + path);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/timelines/:id', status: '200' })).toBe(2);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/timelines', status: '200' })).toBe(2);
    expect(families.get('http_requests_total')!.samples.filter((s) => s.value > 0)).toHaveLength(2);
  });

  it('creates the status="500" count of a route at 0 on its first request, so rate() sees the first errors', async () => {
    const metrics = createAppMetrics();
    const url = await plainServer(metrics, ['/api/timelines']);
    await rawRequest(`${url}/api/timelines`);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/timelines', status: '500' })).toBe(0);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/timelines', status: '200' })).toBe(1);
  });

  it('gives every unknown path the one label "unmatched", and unknown methods "OTHER"', async () => {
    const metrics = createAppMetrics();
    const url = await plainServer(metrics, ['/api/timelines']);
    await rawRequest(`${url}/wp-admin/login.php`);
    await rawRequest(`${url}/a/b/c/d`);
    await rawRequest(`${url}/api/timelines`, { method: 'PURGE' });
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '200' })).toBe(2);
    expect(sampleValue(families, 'http_requests_total', { method: 'OTHER', route: '/api/timelines', status: '200' })).toBe(1);
  });

  it('records status, duration once per request, and body sizes in bytes', async () => {
    const metrics = createAppMetrics();
    const url = await plainServer(metrics, ['/upload'], (req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = 202;
        res.write('abc');
        res.end('défg'); // é is two bytes in UTF-8: 3 + 5 = 8 body bytes
      });
    });
    await rawRequest(`${url}/upload`, { method: 'POST', headers: { 'content-length': '1500' }, chunks: ['x'.repeat(1500)] });
    const families = await readRegistry(metrics.registry);
    const labels = { method: 'POST', route: '/upload', status: '202' };
    expect(sampleValue(families, 'http_requests_total', labels)).toBe(1);
    expect(sampleValue(families, 'http_request_duration_seconds_count', labels)).toBe(1);
    expect(sampleValue(families, 'http_response_size_bytes_sum', labels)).toBe(8);
    expect(sampleValue(families, 'http_request_size_bytes_sum', { route: '/upload' })).toBe(1500);
    expect(sampleValue(families, 'http_request_size_bytes_bucket', { route: '/upload', le: '1000' })).toBe(0);
    expect(sampleValue(families, 'http_request_size_bytes_bucket', { route: '/upload', le: '10000' })).toBe(1);
  });

  it('counts a body-less request as 0 bytes, and leaves a chunked upload of unknown size out of the size histogram', async () => {
    const metrics = createAppMetrics();
    const url = await plainServer(metrics, ['/upload'], (req, res) => {
      req.resume();
      req.on('end', () => res.end());
    });
    await rawRequest(`${url}/upload`);
    await rawRequest(`${url}/upload`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' }, chunks: ['a', 'b'] });
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_request_size_bytes_count', { method: 'GET' })).toBe(1);
    expect(sampleValue(families, 'http_request_size_bytes_sum', { method: 'GET' })).toBe(0);
    expect(sampleValue(families, 'http_request_size_bytes_count', { method: 'POST' })).toBeUndefined();
    expect(sampleValue(families, 'http_requests_total', { method: 'POST', status: '200' })).toBe(1);
  });

  it('records a request whose client went away before the answer as status 499', async () => {
    const metrics = createAppMetrics();
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const url = await plainServer(metrics, ['/slow'], () => arrived()); // never answers
    const req = request(`${url}/slow`);
    req.on('error', () => undefined); // the abort below is the point
    req.end();
    await arrival;
    req.destroy();
    const families = await pollUntil(
      async () => {
        const scraped = await readRegistry(metrics.registry);
        return sampleValue(scraped, 'http_requests_total', { route: '/slow', status: '499' }) === undefined ? undefined : scraped;
      },
      { timeoutMs: 5_000, what: 'the abandoned request to be recorded' },
    );
    expect(sampleValue(families, 'http_requests_total', { route: '/slow', status: '499' })).toBe(1);
  });

  it('rejects route templates it cannot match, naming them', () => {
    const metrics = createAppMetrics();
    expect(() => metrics.middleware({ routes: ['api/timelines'] })).toThrow('route template "api/timelines" (index 0) must be a string that starts with "/"');
    expect(() => metrics.middleware({ routeOf: 'route' as never })).toThrow('routeOf must be a function (req) => string | undefined, got "route"');
  });

  it('labels a request without routeOf when routeOf throws, and says so in a process warning', async () => {
    const metrics = createAppMetrics();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const track = metrics.middleware({
        routes: ['/a'],
        routeOf: () => {
          throw new Error('no router yet');
        },
      });
      server = await serveLocally((req, res) => {
        track(req, res);
        res.end();
      });
      await rawRequest(`${server.url}/a`);
      const families = await pollUntil(async () => (warnings.length > 0 ? readRegistry(metrics.registry) : undefined), { timeoutMs: 5_000, what: 'the warning' });
      expect(sampleValue(families, 'http_requests_total', { route: '/a', status: '200' })).toBe(1);
      expect(warnings).toEqual(['MetricsWarning: routeOf threw for GET /a: no router yet; labelled without it']);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('asks routeOf first, and falls back to the table when it answers undefined', async () => {
    const metrics = createAppMetrics();
    const track = metrics.middleware({ routes: ['/a'], routeOf: (req) => (req.url === '/custom/1' ? '/custom/:n' : undefined) });
    server = await serveLocally((req, res) => {
      track(req, res);
      res.end();
    });
    await rawRequest(`${server.url}/custom/1`);
    await rawRequest(`${server.url}/a`);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { route: '/custom/:n', status: '200' })).toBe(1);
    expect(sampleValue(families, 'http_requests_total', { route: '/a', status: '200' })).toBe(1);
  });
});
