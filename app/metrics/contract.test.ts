import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleServer, type ExampleServer } from '../example-server.js';
import { processMetricPrefixes } from './registry.js';
import { contractDifferences } from '../../src/metrics-contract/contract-differences.js';
import { appMetricsOf, loadMetricsContract, type ContractMetric } from '../../src/metrics-contract/metrics-contract.js';
import { scrape } from '../../tests/support/scrape.js';

/**
 * The module's side of monitoring/metrics-contract.yml, observed the way Prometheus sees it:
 * a real node:http server (the example app, built on this module) on 127.0.0.1, real
 * requests, a scrape of /metrics over HTTP, and the exposition text parsed strictly. The
 * contract is read from its file here, never restated.
 */

/** Requests that make the example record every metric once; each with the status it must get. */
const traffic: [method: string, path: string, body: unknown, status: number][] = [
  ['GET', '/api/timelines', undefined, 200],
  ['POST', '/api/timelines', { name: 'Year 7' }, 201],
  ['GET', '/api/timelines/1', undefined, 200], // cache miss
  ['GET', '/api/timelines/1', undefined, 200], // cache hit
  ['PUT', '/api/timelines/1', { name: 'Year 7 (autumn)' }, 200],
  ['POST', '/api/classes', { name: '7B' }, 201],
  ['POST', '/api/events', { type: 'lesson', timelineId: 1 }, 201],
  ['POST', '/api/timelines', {}, 400],
  ['DELETE', '/api/timelines/1', undefined, 204],
  ['GET', '/health', undefined, 200],
  ['GET', '/no/such/page?id=42', undefined, 404],
];

async function send(base: string, [method, path, body, status]: (typeof traffic)[number]): Promise<void> {
  const response = await fetch(base + path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  expect(response.status, `${method} ${path}`).toBe(status);
}

async function exercised(options: { processMetrics: boolean }): Promise<ExampleServer> {
  const server = await startExampleServer({ host: '127.0.0.1', port: 0, ...options });
  for (const request of traffic) await send(server.url, request);
  return server;
}

describe('the metrics contract, scraped over HTTP', () => {
  let contract: ContractMetric[];
  let server: ExampleServer;
  beforeAll(async () => {
    contract = appMetricsOf(loadMetricsContract());
    server = await exercised({ processMetrics: false });
  });
  afterAll(() => server?.close());

  it('reads a non-empty list of app metrics from the contract file', () => {
    expect(contract.map((m) => m.name)).toContain('http_requests_total');
  });

  it('serves /metrics as Prometheus text format 0.0.4', async () => {
    expect((await scrape(`${server.url}/metrics`)).contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('exposes every `source: app` metric with exactly its type, help, label names and buckets, and nothing else', async () => {
    const { families } = await scrape(`${server.url}/metrics`);
    expect(contractDifferences(families, contract)).toEqual([]);
  });

  it('labels requests by route template, and every unknown path by one fixed value', async () => {
    const { families } = await scrape(`${server.url}/metrics`);
    const routes = new Set(families.get('http_requests_total')!.samples.map((s) => s.labels.route));
    expect([...routes].sort()).toEqual(['/api/classes', '/api/events', '/api/timelines', '/api/timelines/:id', '/health', 'unmatched']);
  });

  it('with default process metrics on, adds only process_* and nodejs_* families', async () => {
    const withProcess = await exercised({ processMetrics: true });
    try {
      const { families } = await scrape(`${withProcess.url}/metrics`);
      const extras = contractDifferences(families, contract).map((d) => d.split(' ')[0]!);
      expect(extras.length).toBeGreaterThan(0);
      expect(extras.filter((name) => !processMetricPrefixes.some((p) => name.startsWith(p)))).toEqual([]);
      expect(contractDifferences(families, contract, { allowedExtraPrefixes: processMetricPrefixes })).toEqual([]);
    } finally {
      await withProcess.close();
    }
  });
});
