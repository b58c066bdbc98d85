import { describe, expect, it } from 'vitest';
import type { RoutingScenario } from '../alertmanager/routing-scenario.js';
import { compareRouting } from './routing-differences.js';
import { routingCaseKey, type InhibitionOutcome, type RouteOutcome, type SideRouting } from './routing-outcomes.js';

const file = 'monitoring/alertmanager.yml';
const alert = (labels: Record<string, string>) => ({ labels, annotations: {}, synthetic: false, line: 1 });
const scenario: RoutingScenario = {
  file: 'fixtures/routing/cases.yaml',
  routes: [{ name: 'info posts to the info channel', line: 4, alert: alert({ alertname: 'I', severity: 'info' }), receiver: 'slack-info' }],
  inhibitions: [
    { name: 'critical mutes warning', line: 9, source: alert({ alertname: 'C', severity: 'critical' }), target: alert({ alertname: 'W', severity: 'warning' }), sameCluster: true, inhibited: true },
  ],
};
const outcome = (receiver: string, line: number, groupWaitMs = 30_000): RouteOutcome => ({
  receivers: [receiver],
  routes: [{ file, line, receiver, groupBy: ['alertname'], groupWaitMs, groupIntervalMs: 300_000, repeatIntervalMs: 3_600_000 }],
});
const side = (route: RouteOutcome, inhibition: InhibitionOutcome) =>
  ({
    routes: new Map([[routingCaseKey(scenario.file, 'info posts to the info channel'), route]]),
    inhibitions: new Map([[routingCaseKey(scenario.file, 'critical mutes warning'), inhibition]]),
  }) as unknown as SideRouting;
const muted: InhibitionOutcome = { source: outcome('pagerduty', 40), target: outcome('slack-warnings', 44), mutedBy: { index: 0, file, line: 60 } };

describe('compareRouting', () => {
  it('finds no difference when every case ends alike', () => {
    const result = compareRouting([scenario], side(outcome('slack-info', 50), muted), side(outcome('slack-info', 50), muted));
    expect(result).toEqual({ differences: [], routeCases: 1, inhibitionCases: 1 });
  });

  it('reports a case that reaches another receiver, with the route it ends at', () => {
    const [d] = compareRouting([scenario], side(outcome('slack-info', 50), muted), side(outcome('slack-warnings', 50), muted)).differences;
    expect([d!.case, d!.scenario, d!.line, d!.summary, d!.details]).toEqual([
      'info posts to the info channel',
      'fixtures/routing/cases.yaml',
      4,
      'base slack-info → head slack-warnings',
      [`ends at the route at ${file}:50 on both sides`],
    ]);
  });

  it('reports a case that reaches the same receiver on other timers', () => {
    const [d] = compareRouting([scenario], side(outcome('slack-info', 50), muted), side(outcome('slack-info', 52, 60_000), muted)).differences;
    expect([d!.summary, d!.details]).toEqual(['slack-info on both sides, delivered on other terms', [`ends at the route at base ${file}:50, head ${file}:52: group_wait 30s → 1m`]]);
  });

  it('reports a target no longer muted, and where it goes instead', () => {
    const delivered: InhibitionOutcome = { ...muted, mutedBy: undefined };
    const [d] = compareRouting([scenario], side(outcome('slack-info', 50), muted), side(outcome('slack-info', 50), delivered)).differences;
    expect([d!.kind, d!.summary]).toEqual(['inhibition', `base muted by inhibit_rules[0] (${file}:60) → head delivered to slack-warnings`]);
  });
});
