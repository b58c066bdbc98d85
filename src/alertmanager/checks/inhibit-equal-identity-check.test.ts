import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { readAlertmanagerConfig } from '../alertmanager-config.js';
import { alertmanagerInhibitEqualIdentityCheck, inhibitEqualIdentityProblems, type AlertShape } from './inhibit-equal-identity-check.js';

const shape = (name: string, ruleLabels: Record<string, string>, series: Record<string, string>): AlertShape => ({ name, ruleLabels, labels: { alertname: name, ...ruleLabels, ...series } });
const alerts = [
  shape('DiskFull', { severity: 'critical', service: 'infrastructure' }, { instance: 'node-1:9100', mountpoint: '/' }),
  shape('HighCPU', { severity: 'warning', service: 'infrastructure' }, { instance: 'node-1:9100' }),
  shape('AppErrors', { severity: 'critical', service: 'app' }, { job: 'app' }),
  shape('AppSlow', { severity: 'warning', service: 'app' }, { job: 'app' }),
  shape('AppDown', { severity: 'critical', service: 'app' }, { job: 'app', instance: 'app:3000' }),
];
const problemsOf = (inhibit: string) =>
  inhibitEqualIdentityProblems(readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', `route: {receiver: a}\nreceivers: [{name: a}]\ninhibit_rules:\n${inhibit}`)), alerts);

describe('alertmanager/inhibit-equal-identity', () => {
  it('flags an equal list without instance when source and target both carry one, at the rule, naming the pairs', () => {
    const problems = problemsOf(`  - source_matchers: [severity="critical"]\n    target_matchers: [severity="warning"]\n    equal: [cluster, service]\n`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, "inhibition rule 1's equal [cluster, service] lacks instance, which both its source and its target carry: one instance's alert mutes every other instance's (DiskFull → HighCPU)"],
    ]);
    expect(problems[0]!.hint).toContain('add instance to equal');
  });

  it('passes once instance is in equal', () => {
    expect(problemsOf(`  - source_matchers: [severity="critical"]\n    target_matchers: [severity="warning"]\n    equal: [cluster, service, instance]\n`)).toEqual([]);
  });

  it('ignores a label only one side carries, and pairs whose rule-set equal labels differ', () => {
    // AppDown carries instance, AppSlow does not: '' never equals app:3000, so listing it would mute nothing.
    expect(problemsOf(`  - source_matchers: [alertname="AppDown"]\n    target_matchers: [alertname="AppSlow"]\n    equal: [cluster]\n`)).toEqual([]);
    // DiskFull (infrastructure) and a warning of service app never meet under equal [service].
    expect(problemsOf(`  - source_matchers: [alertname="DiskFull"]\n    target_matchers: [service="app"]\n    equal: [service]\n`)).toEqual([]);
  });

  it('passes the canonical config against the canonical rules and their firing labels', async () => {
    expect(await alertmanagerInhibitEqualIdentityCheck.run(checkContext())).toEqual([]);
  });
});
