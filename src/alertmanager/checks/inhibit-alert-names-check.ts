import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { nearestName } from '../../sources/nearest-name.js';
import type { AlertmanagerConfig, PlacedMatcher } from '../alertmanager-config.js';
import { literalAlternatives, matcherMatches } from '../label-matcher.js';
import type { ProducedLabels } from '../produced-labels.js';

const id = 'alertmanager/inhibit-alert-names';

/**
 * Inhibition rules that name alerts by `alertname` must name alerts that exist. A misspelt or
 * renamed alert makes the rule match nothing, and amtool has no way to tell: the outage then
 * pages for every symptom again. Each name of an `A|B|C` alternation is checked on its own.
 */
export function inhibitAlertNameProblems(config: AlertmanagerConfig, produced: ProducedLabels): Problem[] {
  const alerts = produced.get('alertname') ?? new Map<string, string>();
  const names = [...alerts.keys()];
  const problems: Problem[] = [];
  for (const rule of config.inhibitRules) {
    for (const [side, matchers] of [
      ['source', rule.source],
      ['target', rule.target],
    ] as const) {
      for (const m of matchers.filter((x) => x.name === 'alertname' && (x.op === '=' || x.op === '=~'))) {
        problems.push(...unknownNames(config, m, side, names));
      }
    }
  }
  return problems;
}

function unknownNames(config: AlertmanagerConfig, m: PlacedMatcher, side: string, names: string[]): Problem[] {
  const alternatives = literalAlternatives(m);
  const at = { check: id, file: config.yaml.file, line: m.line };
  if (!alternatives) {
    if (names.some((n) => matcherMatches(m, { alertname: n }))) return [];
    return [problem({ ...at, message: `the ${side} matcher alertname=~"${m.value}" matches no alert of the rule files`, hint: `alerts are: ${names.join(', ')}` })];
  }
  return alternatives
    .filter((a) => !names.includes(a))
    .map((a) => {
      const guess = nearestName(a, names);
      return problem({
        ...at,
        message: `the ${side} of inhibition rule names ${a}, which no alert rule defines${guess ? `; did you mean ${guess}?` : ''}`,
        hint: guess ? `write ${guess}` : `name an alert of the rule files (${names.join(', ')}), or remove ${a}`,
      });
    });
}

export const alertmanagerInhibitAlertNamesCheck: Check<Workspace> = {
  id,
  description: 'inhibition rules name alerts that exist in the rule files',
  async run({ workspace }) {
    return inhibitAlertNameProblems(workspace.alertmanager(), workspace.producedLabels());
  },
};
