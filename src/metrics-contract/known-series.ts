import type { YamlFile } from '../sources/yaml-file.js';

export const recordingRulesFile = 'monitoring/recording_rules.yml';

/** Series Prometheus makes itself for every target and alert. */
const prometheusSynthetic = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added', 'ALERTS', 'ALERTS_FOR_STATE'];

/**
 * The metric names a query may select: contract metrics (with histogram/summary series) and
 * recording rules. Dashboards (deploy/dashboard-queries) and rules (alerts/unknown-metric) are
 * held to the same list, so it lives here, below both.
 */
export function knownSeries(contract: YamlFile, recordingRules: YamlFile): Set<string> {
  const names = new Set(prometheusSynthetic);
  const metrics = ((contract.data ?? {}) as { metrics?: { name?: unknown; type?: unknown }[] }).metrics ?? [];
  for (const m of metrics) {
    const name = String(m.name);
    names.add(name);
    if (m.type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (m.type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  const groups = ((recordingRules.data ?? {}) as { groups?: { rules?: { record?: unknown }[] }[] }).groups ?? [];
  for (const g of groups) for (const r of g.rules ?? []) if (typeof r.record === 'string') names.add(r.record);
  return names;
}
