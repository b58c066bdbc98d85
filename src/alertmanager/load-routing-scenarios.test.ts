import { configErrorOf } from '../../tests/support/config-error-of.js';
import { describe, expect, it } from 'vitest';
import { writeTempFiles } from '../../tests/support/test-files.js';
import type { ReceiverEntry } from './alertmanager-config.js';
import { loadRoutingScenario, type ScenarioContext } from './load-routing-scenarios.js';

const receivers: ReceiverEntry[] = [
  { name: 'pagerduty-critical', line: 1, slackChannels: [], pagerduty: true, webhook: false, sendsResolved: ['pagerduty'] },
  { name: 'slack-warnings', line: 2, slackChannels: ['#alerts'], pagerduty: false, webhook: false, sendsResolved: ['slack'] },
];
const context: ScenarioContext = {
  alerts: new Map([
    ['HighLatency', { labels: { severity: 'warning', service: 'app', team: 'backend' }, annotations: { runbook_url: 'https://runbooks/HighLatency.md' }, where: 'monitoring/alert_rules.yml:7' }],
  ]),
  receivers,
};
const load = (text: string) => loadRoutingScenario(writeTempFiles({ 'case.yaml': text }).path('case.yaml'), context);
const errorOf = (text: string) => configErrorOf(() => load(text));
const route = (alert: string, extra = '') => `routes:\n  - name: c\n    alert:\n      labels: {${alert}}\n    receiver: slack-warnings\n${extra}`;
const latency = 'alertname: HighLatency, severity: warning, service: app, team: backend';

describe('loading routing scenarios', () => {
  it('reads a case with its line, taking the runbook from the rule', () => {
    const scenario = load(route(latency, '    slack: {channel: "#alerts"}\n'));
    expect(scenario.routes[0]).toMatchObject({
      name: 'c',
      line: 2,
      receiver: 'slack-warnings',
      slack: { channel: '#alerts' },
      alert: { annotations: { runbook_url: 'https://runbooks/HighLatency.md' }, synthetic: false },
    });
  });

  it('names an unknown key, its line and the nearest valid key', () => {
    const error = errorOf(route(latency, '    slack: {chanel: "#alerts"}\n'));
    expect(error.line).toBe(6);
    expect(error.reason).toBe('unknown key "chanel" in routes[0].slack; did you mean "channel"?');
    expect(error.hint).toContain('valid keys here: channel, username, color');
  });

  it('rejects a receiver the config does not have, suggesting the nearest', () => {
    const error = errorOf(route(latency).replace('receiver: slack-warnings', 'receiver: slack-warning'));
    expect(error).toMatchObject({ line: 5 });
    expect(error.reason).toContain('receiver "slack-warning" is not in monitoring/alertmanager.yml; did you mean "slack-warnings"?');
  });

  it('rejects an expectation the receiver cannot meet', () => {
    expect(errorOf(route(latency, '    pagerduty: {severity: critical}\n')).reason).toContain('receiver slack-warnings has no pagerduty_configs');
  });

  it('keeps scenarios in step with the alert rules', () => {
    expect(errorOf(route('alertname: HighLatncy, severity: warning')).reason).toBe('no alert rule is named HighLatncy; did you mean HighLatency?');
    const wrong = errorOf(route('alertname: HighLatency, severity: critical, service: app, team: backend'));
    expect(wrong.reason).toBe('HighLatency has severity="warning" in monitoring/alert_rules.yml:7, the scenario gives severity="critical"');
    expect(wrong.line).toBe(4);
    expect(load(route('alertname: Made, severity: warning').replace('    alert:\n', '    alert:\n      synthetic: true\n')).routes[0]!.alert.synthetic).toBe(true);
    expect(errorOf(route(latency).replace('    alert:\n', '    alert:\n      synthetic: true\n')).reason).toContain('yet marked synthetic');
  });

  it('rejects an empty label value, which Prometheus and Alertmanager read as no label', () => {
    const error = errorOf(route(`${latency}, instance: ''`));
    expect(error.line).toBe(4);
    expect(error.reason).toContain('routes[0].alert.labels.instance');
  });

  it('leaves the cluster to the test', () => {
    const error = errorOf(route(`${latency}, cluster: prod`));
    expect(error.reason).toBe('the alert sets `cluster`');
    expect(error.hint).toContain('a cluster of their own');
  });

  it('checks inhibition cases and enum values too', () => {
    const inhibition = `inhibitions:\n  - name: i\n    source: {labels: {${latency}}}\n    target: {labels: {${latency}}}\n    inhibited: yes please\n`;
    expect(errorOf(inhibition).reason).toContain('inhibitions[0].inhibited must be boolean');
    expect(errorOf(`${route(latency).replace('receiver: slack-warnings', 'receiver: pagerduty-critical')}    pagerduty: {severity: high}\n`).reason).toContain('one of critical, error, warning, info');
  });
});
