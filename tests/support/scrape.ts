import { parseExposition, type MetricFamily } from '../../src/metrics-contract/parse-exposition.js';

export interface Scrape {
  status: number;
  contentType: string | null;
  text: string;
  families: Map<string, MetricFamily>;
}

/** GETs a /metrics URL the way Prometheus does and parses the answer strictly. */
export async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url, { headers: { accept: 'text/plain;version=0.0.4' }, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return { status: response.status, contentType: response.headers.get('content-type'), text, families: parseExposition(text) };
}

/**
 * The value of the one sample named `sampleName` whose labels include `labels`; undefined
 * when there is none, and an error when several match (the test must say which it means).
 */
export function sampleValue(families: ReadonlyMap<string, MetricFamily>, sampleName: string, labels: Record<string, string> = {}): number | undefined {
  const matches = [...families.values()].flatMap((family) => family.samples).filter((s) => s.name === sampleName && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (matches.length > 1) {
    throw new Error(`${matches.length} samples of ${sampleName} match ${JSON.stringify(labels)}; name more labels: ${matches.map((s) => JSON.stringify(s.labels)).join(' ')}`);
  }
  return matches[0]?.value;
}

/** A registry's current exposition, parsed: for unit tests that need no HTTP server. */
export async function readRegistry(registry: { metrics(): Promise<string> }): Promise<Map<string, MetricFamily>> {
  return parseExposition(await registry.metrics());
}
