import type { ContractMetric } from './metrics-contract.js';
import type { MetricFamily } from './parse-exposition.js';

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
  const expected = new Map(contract.map((metric) => [metric.name, metric]));
  for (const metric of contract) {
    const family = scraped.get(metric.name);
    if (!family) {
      differences.push(`${metric.name} (${metric.where}) is not exposed`);
      continue;
    }
    const say = (what: string) => differences.push(`${metric.name} (${metric.where}): ${what}`);
    if (family.type !== metric.type) say(`type is ${family.type ?? 'missing'}, the contract says ${metric.type}`);
    if (family.help !== metric.help) say(`help is ${JSON.stringify(family.help)}, the contract says ${JSON.stringify(metric.help)}`);
    if (family.samples.length === 0) {
      say('has no samples, so its labels cannot be compared: make the test record it once');
      continue;
    }
    const want = [...metric.labels].sort();
    for (const sample of family.samples) {
      const got = Object.keys(sample.labels).filter((l) => !(sample.name.endsWith('_bucket') && l === 'le')).sort();
      if (got.join() !== want.join()) {
        say(`sample ${sample.name} (scraped line ${sample.line}) has labels [${got.join(', ')}], the contract says [${want.join(', ')}]`);
        break;
      }
    }
    if (metric.type === 'histogram') differences.push(...bucketDifferences(family, metric));
  }
  const allowed = options.allowedExtraPrefixes ?? [];
  for (const name of scraped.keys()) {
    if (!expected.has(name) && !allowed.some((prefix) => name.startsWith(prefix))) {
      differences.push(`${name} is exposed but is not in the contract: add it there (with type, labels, help) or stop exposing it`);
    }
  }
  return differences;
}

function bucketDifferences(family: MetricFamily, metric: ContractMetric): string[] {
  const boundaries = new Set<string>();
  for (const sample of family.samples) {
    if (sample.name === `${metric.name}_bucket`) boundaries.add(sample.labels.le ?? '(no le label)');
  }
  const got = [...boundaries].filter((le) => le !== '+Inf').map(Number).sort((a, b) => a - b);
  const want = metric.buckets ?? [];
  const problems: string[] = [];
  if (!boundaries.has('+Inf')) problems.push(`${metric.name} (${metric.where}): has no le="+Inf" bucket`);
  if (got.join() !== want.join()) problems.push(`${metric.name} (${metric.where}): buckets are [${got.join(', ')}], the contract says [${want.join(', ')}]`);
  return problems;
}
