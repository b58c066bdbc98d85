import type { MetricFamily } from './parse-exposition.js';
import type { ContractMetric } from './metrics-contract.js';

/** What is known of one metric, from a scrape or from its definition in code. */
export interface MetricShape {
  type: string | undefined;
  help: string | undefined;
  labels: readonly string[];
  /** Histogram bucket boundaries without +Inf; undefined for other types. */
  buckets: readonly number[] | undefined;
}

/** How a metric differs from its contract entry, one sentence per aspect; empty when they agree. */
export function shapeDifferences(shape: MetricShape, metric: ContractMetric): string[] {
  const differences: string[] = [];
  const list = (values: readonly (string | number)[]) => `[${values.join(', ')}]`;
  if (shape.type !== metric.type) differences.push(`type is ${shape.type ?? 'missing'}, the contract says ${metric.type}`);
  if (shape.help !== metric.help) differences.push(`help is ${JSON.stringify(shape.help)}, the contract says ${JSON.stringify(metric.help)}`);
  const labels = [...shape.labels].sort();
  const wanted = [...metric.labels].sort();
  if (labels.join() !== wanted.join()) differences.push(`labels are ${list(labels)}, the contract says ${list(wanted)}`);
  if (metric.type === 'histogram' && (shape.buckets ?? []).join() !== (metric.buckets ?? []).join()) {
    differences.push(`buckets are ${list(shape.buckets ?? [])}, the contract says ${list(metric.buckets ?? [])}`);
  }
  return differences;
}

export interface CompareOptions {
  /** Families outside the contract that are allowed anyway, by name prefix (default process metrics). */
  allowedExtraPrefixes?: readonly string[];
}

/**
 * Everything in which a scrape differs from the contract's `source: app` entries, one
 * sentence each, naming the metric and the contract line: missing or extra metrics, and
 * type, help, label names and bucket boundaries that differ. Empty when they agree.
 * Label names are read off the samples, so a labelled metric must have been recorded at
 * least once: one with no samples is reported rather than passed unchecked.
 */
export function contractDifferences(scraped: ReadonlyMap<string, MetricFamily>, contract: readonly ContractMetric[], options: CompareOptions = {}): string[] {
  const differences: string[] = [];
  for (const metric of contract) {
    const say = (what: string) => differences.push(`${metric.name} (${metric.where}): ${what}`);
    const family = scraped.get(metric.name);
    if (!family) {
      differences.push(`${metric.name} (${metric.where}) is not exposed`);
      continue;
    }
    if (family.samples.length === 0) {
      say('has no samples, so its labels cannot be compared: make the test record it once');
      continue;
    }
    const labelsOf = (sample: (typeof family.samples)[number]) =>
      Object.keys(sample.labels)
        .filter((label) => !(label === 'le' && sample.name.endsWith('_bucket')))
        .sort()
        .join(', ');
    const first = family.samples[0]!;
    const odd = family.samples.find((sample) => labelsOf(sample) !== labelsOf(first));
    if (odd) say(`scraped line ${odd.line} has labels [${labelsOf(odd)}] but line ${first.line} has [${labelsOf(first)}]`);
    const les = family.samples.filter((s) => s.name === `${metric.name}_bucket`).map((s) => s.labels.le ?? '(none)');
    if (metric.type === 'histogram' && !les.includes('+Inf')) say('has no le="+Inf" bucket');
    const buckets = [...new Set(les.filter((le) => le !== '+Inf'))].map(Number).sort((a, b) => a - b);
    const shape = { type: family.type, help: family.help, labels: labelsOf(first) ? labelsOf(first).split(', ') : [], buckets: family.type === 'histogram' ? buckets : undefined };
    shapeDifferences(shape, metric).forEach(say);
  }
  const expected = new Set(contract.map((metric) => metric.name));
  const allowed = options.allowedExtraPrefixes ?? [];
  for (const name of scraped.keys()) {
    if (!expected.has(name) && !allowed.some((prefix) => name.startsWith(prefix))) {
      differences.push(`${name} is exposed but is not in the contract: add it there (with type, labels, help) or stop exposing it`);
    }
  }
  return differences;
}
