import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig, type InhibitEntry } from '../alertmanager/alertmanager-config.js';
import { parseMatchers } from '../alertmanager/label-matcher.js';
import { loadRoutingScenarios } from '../alertmanager/load-routing-scenarios.js';
import { canonicalScenarioContext } from '../alertmanager/scenario-context.js';
import { inhibitingRule, inhibitingRules } from './inhibition-effect.js';

const rule = (source: string, target: string, equal: string[], index = 0): InhibitEntry => ({
  index,
  line: 1,
  source: parseMatchers(source).map((m) => ({ ...m, line: 1 })),
  target: parseMatchers(target).map((m) => ({ ...m, line: 1 })),
  equal,
});

describe('inhibitingRules', () => {
  it('lists every rule that mutes: DatabaseDown over a warning pool alert is rules 1 and 4, over a critical one rule 4 alone', () => {
    const source = { alertname: 'DatabaseDown', severity: 'critical', service: 'database', cluster: 'c' };
    const muting = (severity: string) =>
      inhibitingRules(loadAlertmanagerConfig().inhibitRules, source, { alertname: 'PoolExhausted', severity, service: 'database', cluster: 'c' }).map((r) => r.index);
    expect(muting('warning')).toEqual([0, 3]);
    expect(muting('critical')).toEqual([3]);
  });
});

describe('inhibitingRule', () => {
  // The same cases tests/integration/routing-inhibition.test.ts proves on a running
  // Alertmanager: the static answer must agree with every one of them.
  const config = loadAlertmanagerConfig();
  const cases = loadRoutingScenarios(canonicalScenarioContext()).flatMap((s) => s.inhibitions.map((c) => ({ ...c, where: `${s.file}:${c.line}` })));
  it.each(cases)('agrees with the routing case "$name" ($where)', (c) => {
    const source = { ...c.source.labels, cluster: 'a' };
    const target = { ...c.target.labels, cluster: c.sameCluster ? 'a' : 'b' };
    expect(inhibitingRule(config.inhibitRules, source, target) !== undefined).toBe(c.inhibited);
  });

  it('names the first rule that mutes', () => {
    const rules = [rule('severity="info"', 'severity="warning"', [], 0), rule('severity="critical"', 'severity="warning"', [], 1), rule('severity="critical"', 'team="x"', [], 2)];
    expect(inhibitingRule(rules, { severity: 'critical' }, { severity: 'warning', team: 'x' })?.index).toBe(1);
  });

  it('counts an equal label missing on both alerts as equal, and missing on one as different', () => {
    const rules = [rule('severity="critical"', 'severity="warning"', ['service'])];
    expect(inhibitingRule(rules, { severity: 'critical' }, { severity: 'warning' })).toBeDefined();
    expect(inhibitingRule(rules, { severity: 'critical' }, { severity: 'warning', service: 'db' })).toBeUndefined();
  });

  it('never lets two alerts that each match both sides mute each other', () => {
    const rules = [rule('team="x"', 'team="x"', [])];
    expect(inhibitingRule(rules, { team: 'x', alertname: 'A' }, { team: 'x', alertname: 'B' })).toBeUndefined();
    // A source matching only the source side still mutes a target matching both.
    const overlapping = [rule('team="x"', 'severity="warning"', [])];
    expect(inhibitingRule(overlapping, { team: 'x', severity: 'critical' }, { team: 'x', severity: 'warning' })).toBeDefined();
  });

  it('reads a missing label as the empty string, as Alertmanager matchers do', () => {
    expect(inhibitingRule([rule('severity="critical"', 'severity!="critical"', [])], { severity: 'critical' }, { alertname: 'NoSeverity' })).toBeDefined();
    expect(inhibitingRule([rule('severity="critical"', 'team=""', [])], { severity: 'critical' }, { alertname: 'NoTeam' })).toBeDefined();
  });
});
