import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import { metricReferences, promqlSyntaxErrorAt } from '../prometheus-rules/promql-selectors.js';
import { recordingRulesFile } from '../metrics-contract/known-series.js';
import { contractFile } from '../metrics-contract/metrics-contract.js';
import type { Workspace } from '../workspace/workspace.js';
import { queriesOf, type QueryAt, withGrafanaVariables } from './grafana-files.js';

const id = 'deploy/dashboard-queries';

/** Each query parses as PromQL and selects only series that the contract or a recording rule defines. */
export function queryProblems(queries: readonly QueryAt[], known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const q of queries) {
    if (q.datasourceUid && q.datasourceUid !== 'prometheus') continue;
    const expr = withGrafanaVariables(q.expr);
    const line = q.file.valueLineOf(q.path);
    const errorAt = promqlSyntaxErrorAt(expr);
    if (errorAt !== undefined) {
      problems.push(
        problem({
          check: id,
          file: q.file.file,
          line,
          message: `${q.what}: PromQL does not parse at character ${errorAt + 1}: ${JSON.stringify(q.expr.slice(Math.max(0, errorAt - 20), errorAt + 20))}`,
          hint: 'fix the expression (try it in the Prometheus UI); Grafana variables like $__rate_interval are allowed',
        }),
      );
      continue;
    }
    for (const ref of metricReferences(expr)) {
      if (known.has(ref.name) || ref.name === 'grafana_variable') continue;
      problems.push(
        problem({
          check: id,
          file: q.file.file,
          line,
          message: `${q.what} selects "${ref.name}", which is neither in ${contractFile} nor a recording rule`,
          hint: `add the metric to the contract (with its type, labels and source), use a recording rule from ${recordingRulesFile}, or fix the name`,
        }),
      );
    }
  }
  return problems;
}

export const dashboardQueriesCheck: Check<Workspace> = {
  id,
  description: 'every PromQL query of the dashboards and Grafana alerts parses and uses contract metrics or recording rules',
  async run({ workspace }) {
    return queryProblems(queriesOf(workspace.dashboards(), workspace.grafanaProvisioning('alerting')), workspace.knownSeries());
  },
};
