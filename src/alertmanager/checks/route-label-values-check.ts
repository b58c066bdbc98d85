import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { nearestName } from '../../sources/nearest-name.js';
import type { AlertmanagerConfig } from '../alertmanager-config.js';
import { formatMatcher, matcherMatches } from '../label-matcher.js';
import type { ProducedLabels } from '../produced-labels.js';

const id = 'alertmanager/route-label-values';

/**
 * A route matcher on a label the alert rules set (severity, service, team, alertname) or an
 * external label (cluster) that no produced value satisfies: the route can never match, so the
 * alerts it was written for fall through to another receiver. Typically `severity="crit"`.
 * Negative matchers (!=, !~) and labels that come from the series are not judged.
 */
export function routeLabelValueProblems(config: AlertmanagerConfig, produced: ProducedLabels): Problem[] {
  const problems: Problem[] = [];
  for (const route of config.routes) {
    for (const m of route.matchers) {
      const values = produced.get(m.name);
      if (!values || m.op === '!=' || m.op === '!~') continue;
      const known = [...values.keys()];
      if (known.some((v) => matcherMatches(m, { [m.name]: v }))) continue;
      const guess = m.op === '=' ? nearestName(m.value, known) : undefined;
      problems.push(
        problem({
          check: id,
          file: config.yaml.file,
          line: m.line,
          message: `route matcher ${formatMatcher(m)} matches no ${m.name} an alert carries${guess ? `; did you mean "${guess}"?` : ''}`,
          hint: `${m.name} values the rules and external labels produce: ${known.join(', ')}`,
        }),
      );
    }
  }
  return problems;
}

export const alertmanagerRouteLabelValuesCheck: Check<Workspace> = {
  id,
  description: 'route matchers name label values that alert rules (or external labels) produce',
  async run({ workspace }) {
    return routeLabelValueProblems(workspace.alertmanager(), workspace.producedLabels());
  },
};
