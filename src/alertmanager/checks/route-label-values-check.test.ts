import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { readAlertmanagerConfig } from '../alertmanager-config.js';
import type { ProducedLabels } from '../produced-labels.js';
import { alertmanagerRouteLabelValuesCheck, routeLabelValueProblems } from './route-label-values-check.js';

const produced: ProducedLabels = new Map([
  [
    'severity',
    new Map([
      ['critical', 'r:1'],
      ['warning', 'r:2'],
      ['info', 'r:3'],
    ]),
  ],
  ['cluster', new Map([['production', 'prometheus.yml:11']])],
]);
const problemsOf = (routes: string) =>
  routeLabelValueProblems(readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', `route:\n  receiver: a\n  routes:\n${routes}receivers: [{name: a}]\n`)), produced);

describe('alertmanager/route-label-values', () => {
  it('reports a matcher no produced value satisfies, with the nearest value', () => {
    const problems = problemsOf(`    - matchers: ['severity="critcal"']\n    - matchers: ['cluster=~"staging|dev"']\n`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'route matcher severity="critcal" matches no severity an alert carries; did you mean "critical"?'],
      [5, 'route matcher cluster=~"staging|dev" matches no cluster an alert carries'],
    ]);
    expect(problems[1]!.hint).toBe('cluster values the rules and external labels produce: production');
  });

  it('accepts matching values and regexes; skips negative matchers and labels from the series', () => {
    expect(problemsOf(`    - matchers: ['severity=~"crit.*"']\n    - match: {severity: info}\n    - matchers: ['severity!="page"', 'instance="x"']\n`)).toEqual([]);
  });

  it('passes the canonical config against the canonical rules', async () => {
    expect(await alertmanagerRouteLabelValuesCheck.run(checkContext())).toEqual([]);
  });
});
