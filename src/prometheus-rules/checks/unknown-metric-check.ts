import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { metricReferences } from '../promql-selectors.js';
import type { RuleInventory } from '../rule-inventory.js';
import { contractFile } from '../../metrics-contract/metrics-contract.js';
import type { Workspace } from '../../workspace/workspace.js';

const id = 'rules/unknown-metric';

/**
 * A rule that selects a metric nobody exposes never fires and never warns: it is silently
 * dead. Every metric a rule reads must be in the metrics contract (the app's own, or the real
 * name of an exporter's) or be a recording rule.
 */
export function unknownMetricProblems(inventory: RuleInventory, known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const records = new Set(inventory.records().map((r) => r.name));
  for (const rule of inventory.rules) {
    for (const ref of metricReferences(rule.expr)) {
      if (known.has(ref.name) || records.has(ref.name)) continue;
      // The expression's own lines: the reference sits that many lines below where it starts.
      const line = rule.exprLine + (rule.expr.slice(0, ref.offset).match(/\n/g)?.length ?? 0);
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line,
          message: `${rule.kind} ${rule.name} selects "${ref.name}", which is neither in ${contractFile} nor a recording rule`,
          hint: 'fix the name, or add the metric to the contract with its type, labels and source (exporters: the name they really expose)',
        }),
      );
    }
  }
  return problems;
}

export const unknownMetricCheck: Check<Workspace> = {
  id,
  description: 'every metric an alert or recording rule selects is in the metrics contract or is a recording rule',
  async run({ workspace }) {
    return unknownMetricProblems(workspace.rules(), workspace.knownSeries());
  },
};
