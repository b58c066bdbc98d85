import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpReadyProbe } from './http-ready-probe.js';

// A local server standing in for an engine's HTTP endpoint: the probe's own logic, not an engine's.
let server: Server;
let base: string;
let alertmanagers: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/starting') res.writeHead(503).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: { activeAlertmanagers: alertmanagers.map((url) => ({ url })) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('an HTTP ready check', () => {
  it('is not ready while the path answers anything but 200', async () => {
    expect(await httpReadyProbe(`${base}/starting`, { port: 0, path: '/starting' })).toBeUndefined();
    expect(await httpReadyProbe(`${base}/ready`, { port: 0, path: '/ready' })).toBe(true);
  });

  it('with `accepts`, waits for the body it names, not just a 200', async () => {
    const check = { port: 0, path: '/api/v1/alertmanagers', accepts: (body: string) => (JSON.parse(body) as { data: { activeAlertmanagers: unknown[] } }).data.activeAlertmanagers.length >= 1 };
    alertmanagers = [];
    expect(await httpReadyProbe(`${base}/api/v1/alertmanagers`, check)).toBeUndefined();
    alertmanagers = ['http://e2e-alertmanager:9093/api/v2/alerts'];
    expect(await httpReadyProbe(`${base}/api/v1/alertmanagers`, check)).toBe(true);
  });
});
