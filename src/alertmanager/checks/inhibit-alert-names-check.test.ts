import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { readAlertmanagerConfig } from '../alertmanager-config.js';
import type { ProducedLabels } from '../produced-labels.js';
import { alertmanagerInhibitAlertNamesCheck, inhibitAlertNameProblems } from './inhibit-alert-names-check.js';

const produced: ProducedLabels = new Map([
  [
    'alertname',
    new Map([
      ['DatabaseDown', 'r.yml:1'],
      ['PoolExhausted', 'r.yml:9'],
      ['SlowQueries', 'r.yml:20'],
    ]),
  ],
]);
const problemsOf = (inhibit: string) =>
  inhibitAlertNameProblems(readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', `route: {receiver: a}\nreceivers: [{name: a}]\ninhibit_rules:\n${inhibit}`)), produced);

describe('alertmanager/inhibit-alert-names', () => {
  it('names each unknown alert of an alternation, at its line, with the nearest real one', () => {
    const problems = problemsOf(`  - source_matchers: [alertname="DatabaseDown"]\n    target_matchers:\n      - alertname=~"PoolExhausted|SlowQuery"\n`);
    expect(problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [6, 'the target of inhibition rule names SlowQuery, which no alert rule defines; did you mean SlowQueries?', 'write SlowQueries'],
    ]);
  });

  it('checks sources, legacy source_match, and regexes that are more than an alternation', () => {
    const problems = problemsOf(
      `  - source_match: {alertname: DatabseDown}\n    target_matchers: ['alertname=~"Slow.*"']\n  - source_matchers: [alertname="DatabaseDown"]\n    target_matchers: ['alertname=~"Fast.*"']\n`,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'the source of inhibition rule names DatabseDown, which no alert rule defines; did you mean DatabaseDown?'],
      [7, 'the target matcher alertname=~"Fast.*" matches no alert of the rule files'],
    ]);
  });

  it('leaves negative matchers and other labels alone', () => {
    expect(problemsOf(`  - source_matchers: [severity="critical"]\n    target_matchers: [alertname!="Whatever"]\n`)).toEqual([]);
  });

  it('passes the canonical config against the canonical rules', async () => {
    expect(await alertmanagerInhibitAlertNamesCheck.run(checkContext())).toEqual([]);
  });
});
