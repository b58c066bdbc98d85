import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { SourceFiles } from '../../sources/source-files.js';
import { queriesOf, withGrafanaVariables } from '../../deploy/grafana-files.js';
import { metricNames } from '../promql-selectors.js';
import type { RuleInventory } from '../rule-inventory.js';
import type { Workspace } from '../../workspace/workspace.js';
import { runbookDir } from './runbook-check.js';

const id = 'rules/recording-unused';

/** A PromQL query some consumer runs, and what it is (for messages). */
export interface ConsumerQuery {
  expr: string;
  where: string;
}

/**
 * A recording rule costs an evaluation every interval and a series forever; one that no alert,
 * no other rule, no dashboard and no runbook query reads is waste (or a typo in a consumer).
 * Runbooks count: their confirmation queries are what on-call runs during an incident.
 */
export function unusedRecordingProblems(inventory: RuleInventory, consumers: readonly ConsumerQuery[]): Problem[] {
  const used = new Set<string>();
  for (const rule of inventory.rules) for (const m of metricNames(rule.expr)) if (m !== rule.name) used.add(m);
  for (const q of consumers) for (const m of metricNames(q.expr)) used.add(m);
  return inventory
    .records()
    .filter((r) => !used.has(r.name))
    .map((r) =>
      problem({
        check: id,
        file: r.file,
        line: r.line,
        message: `recording rule ${r.name} is used by no alert, rule, dashboard or runbook`,
        hint: 'use it (a dashboard panel, an alert, a runbook query), or delete it',
      }),
    );
}

/** ```promql blocks of the runbooks, one query per non-comment line group. */
export function runbookQueries(files: SourceFiles, dir = runbookDir): ConsumerQuery[] {
  const names = files.list(dir).filter((n) => n.endsWith('.md'));
  return names.flatMap((name) => {
    const text = files.text(`${dir}/${name}`);
    return [...text.matchAll(/```promql\n([\s\S]*?)```/g)].map((m) => ({ expr: m[1]!.replace(/^#.*$/gm, ''), where: `${dir}/${name}` }));
  });
}

export function dashboardQueries(workspace: Workspace): ConsumerQuery[] {
  return queriesOf(workspace.dashboards(), workspace.grafanaProvisioning('alerting')).map((q) => ({ expr: withGrafanaVariables(q.expr), where: q.file.file }));
}

export const recordingUnusedCheck: Check<Workspace> = {
  id,
  description: 'every recording rule is read by an alert, another rule, a dashboard or a runbook query',
  async run({ workspace }) {
    return unusedRecordingProblems(workspace.rules(), [...dashboardQueries(workspace), ...runbookQueries(workspace)]);
  },
};
