import { Gauge, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsHandler } from './metrics-handler.js';
import { rawRequest, serveLocally, type LocalServer } from '../../tests/support/local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(registry: Registry): Promise<string> {
  const handler = createMetricsHandler(registry);
  server = await serveLocally((req, res) => void handler(req, res));
  return `${server.url}/metrics`;
}

describe('the /metrics handler', () => {
  it('serves the registry with the Prometheus text content type and length', async () => {
    const registry = new Registry();
    new Gauge({ name: 'ready', help: 'Ready.', registers: [registry] }).set(1);
    const response = await fetch(await serve(registry));
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(body).toBe('# HELP ready Ready.\n# TYPE ready gauge\nready 1\n');
  });

  it('answers HEAD with headers only', async () => {
    const response = await fetch(await serve(new Registry()), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('version=0.0.4');
  });

  it('answers other methods 405 with Allow', async () => {
    const response = await fetch(await serve(new Registry()), { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.text()).toContain('scrape it with GET');
  });

  it('fails the scrape with 500 and the reason when collecting fails', async () => {
    const registry = new Registry();
    new Gauge({
      name: 'broken',
      help: 'Broken.',
      registers: [registry],
      collect: () => {
        throw new Error('pool is gone');
      },
    });
    expect(await rawRequest(await serve(registry))).toEqual({ status: 500, body: 'collecting metrics failed: pool is gone\n' });
  });
});
