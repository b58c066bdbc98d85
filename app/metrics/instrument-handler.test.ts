import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { createAppMetrics } from './app-metrics.js';
import type { RequestHandler } from './instrument-handler.js';
import { rawRequest, serveLocally, type LocalServer } from '../../tests/support/local-server.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';
import { ValidationError } from './validation-error.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `handler` through metrics.instrument, collecting the errors it reports. */
async function instrumented(handler: RequestHandler) {
  const metrics = createAppMetrics();
  const reported: [string, number][] = [];
  server = await serveLocally(metrics.instrument(handler, { routes: ['/x'], onError: (error, _req, status) => reported.push([String(error), status]) }));
  return { metrics, reported, url: `${server.url}/x` };
}

describe('instrumentHandler on node:http', () => {
  it('answers 500 for a handler that throws, and counts it under its route', async () => {
    const { metrics, reported, url } = await instrumented(() => {
      throw new Error('boom');
    });
    expect(await rawRequest(url)).toEqual({ status: 500, body: '500\n' });
    expect(reported).toEqual([['Error: boom', 500]]);
    expect(sampleValue(await readRegistry(metrics.registry), 'http_requests_total', { route: '/x', status: '500' })).toBe(1);
  });

  it('answers 500 for a handler whose promise rejects', async () => {
    const { metrics, url } = await instrumented(async () => {
      await Promise.resolve();
      throw new Error('later boom');
    });
    expect((await rawRequest(url)).status).toBe(500);
    expect(sampleValue(await readRegistry(metrics.registry), 'http_requests_total', { status: '500' })).toBe(1);
  });

  it('answers 400 with the message for a ValidationError, counting its field and rule', async () => {
    const { metrics, url } = await instrumented(() => {
      throw new ValidationError('startTime', 'format', 'startTime must look like 08:30');
    });
    expect(await rawRequest(url)).toEqual({ status: 400, body: 'startTime must look like 08:30\n' });
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { status: '400' })).toBe(1);
    expect(sampleValue(families, 'timetable_validation_errors_total', { field: 'startTime', rule: 'format' })).toBe(1);
  });

  it('keeps the 4xx/5xx status an error carries (http-errors style)', async () => {
    const { url } = await instrumented(() => {
      throw Object.assign(new Error('gone'), { statusCode: 410 });
    });
    expect((await rawRequest(url)).status).toBe(410);
  });

  it('cuts the connection of a response that failed mid-body, and counts it as 500, not as a client abort', async () => {
    const { metrics, url } = await instrumented(async (_req, res) => {
      res.writeHead(200);
      res.write('partial');
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('failed while streaming');
    });
    await expect(rawRequest(url)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    const families = await pollUntil(
      async () => {
        const scraped = await readRegistry(metrics.registry);
        return sampleValue(scraped, 'http_requests_total', { route: '/x' }) === undefined ? undefined : scraped;
      },
      { timeoutMs: 5_000, what: 'the failed response to be recorded' },
    );
    expect(sampleValue(families, 'http_requests_total', { route: '/x', status: '500' })).toBe(1);
  });

  it('rejects a handler that is not a function', () => {
    expect(() => createAppMetrics().instrument('index.html' as never)).toThrow('instrumentHandler: expected a request handler (req, res) => void, got "index.html"');
  });
});
