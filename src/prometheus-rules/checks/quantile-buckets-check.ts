import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { YamlFile } from '../../sources/yaml-file.js';
import { metricNames } from '../promql-selectors.js';
import type { RuleInventory } from '../rule-inventory.js';
import { contractFile } from '../../metrics-contract/metrics-contract.js';
import type { Workspace } from '../../workspace/workspace.js';

const id = 'rules/quantile-buckets';

/**
 * histogram_quantile is exact only at bucket boundaries: between two it interpolates, so with
 * buckets 1 and 5 a P99 of 1.1 s reads anywhere up to 5 s, and an alert on "P99 > 2 s" pages
 * for requests that all took under 2 s (issue 12). Every number an alert compares a recorded
 * quantile with must be a boundary of the histogram that quantile is computed from, as the
 * metrics contract lists its buckets (app/metrics follows the contract: app-metrics check).
 */
export function quantileBucketProblems(inventory: RuleInventory, bucketsOf: ReadonlyMap<string, readonly number[]>): Problem[] {
  const histogramOf = new Map<string, string>();
  for (const record of inventory.records().filter((r) => /histogram_quantile\s*\(/.test(r.expr))) {
    const base = baseHistogram(inventory, record.expr, new Set());
    if (base) histogramOf.set(record.name, base);
  }
  const problems: Problem[] = [];
  for (const alert of inventory.alerts()) {
    for (const [record, histogram] of histogramOf) {
      const pattern = new RegExp(`${record.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')}(\\{[^}]*\\})?\\s*[<>]=?\\s*([0-9.eE+-]+)`, 'g');
      for (const m of alert.expr.matchAll(pattern)) {
        const threshold = Number(m[2]);
        const buckets = bucketsOf.get(histogram);
        if (!buckets || buckets.includes(threshold)) continue;
        const line = alert.exprLine + (alert.expr.slice(0, m.index).match(/\n/g)?.length ?? 0);
        problems.push(
          problem({
            check: id,
            file: alert.file,
            line,
            message: `${alert.name} compares ${record} with ${threshold}, which is not a bucket boundary of ${histogram} (${buckets.join(', ')}): histogram_quantile interpolates there, so the alert fires or stays silent on a guess`,
            hint: `add ${threshold} to the buckets of ${histogram} in ${contractFile} and app/metrics/buckets.ts, or move the threshold to a boundary`,
          }),
        );
      }
    }
  }
  return problems;
}

/** The `<name>` whose `<name>_bucket` series a recorded quantile reads, through recording rules. */
function baseHistogram(inventory: RuleInventory, expr: string, seen: Set<string>): string | undefined {
  for (const name of metricNames(expr)) {
    if (name.endsWith('_bucket') && !inventory.find('record', name)) return name.slice(0, -'_bucket'.length);
    const record = inventory.find('record', name);
    if (record && !seen.has(name)) {
      seen.add(name);
      const found = baseHistogram(inventory, record.expr, seen);
      if (found) return found;
    }
  }
  return undefined;
}

/** Buckets of each histogram of the metrics contract. */
export function contractBuckets(contract: YamlFile): Map<string, readonly number[]> {
  const data = contract.data as { metrics?: { name: string; type: string; buckets?: number[] }[] };
  return new Map((data.metrics ?? []).filter((m) => m.type === 'histogram' && m.buckets).map((m) => [m.name, m.buckets!]));
}

export const quantileBucketsCheck: Check<Workspace> = {
  id,
  description: 'every threshold an alert puts on a recorded quantile is a bucket boundary of its histogram',
  async run({ workspace }) {
    return quantileBucketProblems(workspace.rules(), contractBuckets(workspace.contractFile()));
  },
};
