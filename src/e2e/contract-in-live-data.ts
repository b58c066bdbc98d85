import type { ContractMetric } from '../metrics-contract/metrics-contract.js';
import type { PrometheusApi } from './prometheus-api.js';

/** A contract entry the live data does not bear out. */
export interface ContractGap {
  metric: string;
  /** The contract entry: `monitoring/metrics-contract.yml:42`. */
  where: string;
  source: string;
  problem: string;
}

/**
 * What Prometheus really has for each contract entry: the series must exist under that name
 * (a histogram as `<name>_bucket`), and every label the contract lists must appear on some of
 * them. This is what proves that the exporter metric names the rules use are real for the
 * exporter versions we run, not only plausible.
 */
export async function contractGaps(prometheus: PrometheusApi, metrics: readonly ContractMetric[]): Promise<ContractGap[]> {
  const gaps: ContractGap[] = [];
  for (const metric of metrics) {
    const name = metric.type === 'histogram' ? `${metric.name}_bucket` : metric.name;
    const series = await prometheus.query(`last_over_time(${name}[1m])`);
    const gap = (problem: string) => gaps.push({ metric: metric.name, where: metric.where, source: metric.source, problem });
    if (series.length === 0) {
      gap(`no series named ${name} in the live data`);
      continue;
    }
    const seen = new Set(series.flatMap((s) => Object.keys(s.metric)));
    const missing = metric.labels.filter((label) => !seen.has(label));
    if (missing.length)
      gap(
        `${name} has no label ${missing.join(', ')} (its series carry ${[...seen]
          .filter((l) => l !== '__name__')
          .sort()
          .join(', ')})`,
      );
  }
  return gaps;
}
