import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { RuleEntry, RuleInventory } from '../rule-inventory.js';
import type { Workspace } from '../../workspace/workspace.js';

const id = 'alerts/required-fields';
export const severities = ['critical', 'warning', 'info'] as const;
const requiredLabels = ['severity', 'service', 'team'] as const;
const requiredAnnotations = ['summary', 'description', 'runbook_url'] as const;

/**
 * Every alert carries what routing and on-call need: severity (one Alertmanager routes on),
 * service and team labels; summary, description and runbook_url annotations; and a
 * description that shows the observed value ($value), so the page says how bad it is.
 */
export function requiredFieldProblems(inventory: RuleInventory): Problem[] {
  const problems: Problem[] = [];
  for (const rule of inventory.alerts()) {
    const at = (field: string[]) => lineOf(inventory, rule, field);
    for (const label of requiredLabels) {
      if (!rule.labels[label]?.trim()) {
        problems.push(
          problem({
            check: id,
            file: rule.file,
            line: at(['labels']),
            message: `alert ${rule.name} has no \`${label}\` label`,
            hint: label === 'severity' ? `add severity: ${severities.join(' | ')} under labels:` : `add ${label}: <name> under labels: (Alertmanager groups and routes on it)`,
          }),
        );
      }
    }
    const severity = rule.labels.severity;
    if (severity && !(severities as readonly string[]).includes(severity)) {
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line: at(['labels', 'severity']),
          message: `alert ${rule.name} has severity "${severity}", which no route expects`,
          hint: `use one of ${severities.join(', ')}`,
        }),
      );
    }
    for (const annotation of requiredAnnotations) {
      if (!rule.annotations[annotation]?.trim()) {
        problems.push(
          problem({ check: id, file: rule.file, line: at(['annotations']), message: `alert ${rule.name} has no \`${annotation}\` annotation`, hint: `add ${annotation}: under annotations:` }),
        );
      }
    }
    const description = rule.annotations.description;
    if (description && !/\$value\b/.test(description)) {
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line: at(['annotations', 'description']),
          message: `the description of alert ${rule.name} does not show the observed value`,
          hint: 'include {{ $value }} (with humanize, humanizePercentage or humanizeDuration) so on-call sees how far over the threshold it is',
        }),
      );
    }
  }
  return problems;
}

function lineOf(inventory: RuleInventory, rule: RuleEntry, field: string[]): number {
  const yaml = inventory.files.find((f) => f.file === rule.file);
  return yaml?.lineOf([...rule.path, ...field]) ?? rule.line;
}

export const requiredFieldsCheck: Check<Workspace> = {
  id,
  description: 'every alert has severity/service/team labels and summary/description/runbook_url annotations; descriptions show $value',
  async run({ workspace }) {
    return requiredFieldProblems(workspace.rules());
  },
};
