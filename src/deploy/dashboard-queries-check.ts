import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import { YamlFile } from '../config/yaml-file.js';
import { metricReferences, promqlSyntaxErrorAt } from '../rules/promql-selectors.js';
import { alertingFiles, loadDashboards, loadProvisioning, queriesOf, type QueryAt } from './grafana-files.js';

const id = 'deploy/dashboard-queries';
export const contractFile = 'monitoring/metrics-contract.yml';
export const recordingRulesFile = 'monitoring/recording_rules.yml';

/** Series Prometheus makes itself for every target and alert. */
const prometheusSynthetic = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added', 'ALERTS', 'ALERTS_FOR_STATE'];

/** Grafana replaces its variables before Prometheus sees a query; stand-ins that parse alike. */
export function withGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)(_ms|_s)?\b/g, '5m')
    .replace(/\[\[\w+\]\]|\$\{\w+(:\w+)?\}|\$\w+/g, 'grafana_variable');
}

/** The metric names a query may select: contract metrics (with histogram/summary series) and recording rules. */
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

/** Each query parses as PromQL and selects only series that the contract or a recording rule defines. */
export function queryProblems(queries: readonly QueryAt[], known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const q of queries) {
    if (q.datasourceUid && q.datasourceUid !== 'prometheus') continue;
    const expr = withGrafanaVariables(q.expr);
    const line = q.file.valueLineOf(q.path);
    const errorAt = promqlSyntaxErrorAt(expr);
    if (errorAt !== undefined) {
      problems.push(problem({ check: id, file: q.file.file, line, message: `${q.what}: PromQL does not parse at character ${errorAt + 1}: ${JSON.stringify(q.expr.slice(Math.max(0, errorAt - 20), errorAt + 20))}`, hint: 'fix the expression (try it in the Prometheus UI); Grafana variables like $__rate_interval are allowed' }));
      continue;
    }
    for (const ref of metricReferences(expr)) {
      if (known.has(ref.name) || ref.name === 'grafana_variable') continue;
      problems.push(problem({ check: id, file: q.file.file, line, message: `${q.what} selects "${ref.name}", which is neither in ${contractFile} nor a recording rule`, hint: `add the metric to the contract (with its type, labels and source), use a recording rule from ${recordingRulesFile}, or fix the name` }));
    }
  }
  return problems;
}

export const dashboardQueriesCheck: Check = {
  id,
  description: 'every PromQL query of the dashboards and Grafana alerts parses and uses contract metrics or recording rules',
  async run() {
    const known = knownSeries(YamlFile.load(contractFile), YamlFile.load(recordingRulesFile));
    return queryProblems(queriesOf(loadDashboards(), loadProvisioning(alertingFiles)), known);
  },
};
