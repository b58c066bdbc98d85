// @stacks e2e-incidents, e2e-alertmanager
import { describe, expect, it, type TestContext } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { inhibitingRules } from '../../src/diff/inhibition-effect.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { comparablePayload } from '../../src/alertmanager/payload-expectations.js';
import { summarizeDelivery } from '../../src/alertmanager/deliveries.js';
import { E2eObserver } from '../../src/e2e/e2e-observer.js';
import { canonicalIncidentContext } from '../../src/e2e/incidents/incident-context.js';
import { uncoveredAlerts } from '../../src/e2e/incidents/incident-coverage.js';
import { injectHistory } from '../../src/e2e/incidents/inject-history.js';
import type { IncidentsStackInfo } from '../../src/e2e/incidents/incidents-stack.js';
import { loadIncidents } from '../../src/e2e/incidents/load-incidents.js';
import { observeIncident } from '../../src/e2e/incidents/observe-incident.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { canonicalRules } from '../../src/prometheus-rules/canonical-rules.js';
import { isAlwaysFiring } from '../../src/prometheus-rules/always-firing.js';

const config = loadAlertmanagerConfig();
const context = canonicalIncidentContext();
const incidents = loadIncidents(context);
const alwaysFiring = canonicalRules()
  .alerts()
  .filter(isAlwaysFiring)
  .map((a) => a.name);

// Every incident's history goes in at once, on the first test that runs: incidents then play out
// side by side, so the file takes as long as the slowest one, whatever the test concurrency.
let injections: Map<string, Promise<number>> | undefined;
function injectedAt(stack: IncidentsStackInfo, name: string): Promise<number> {
  injections ??= new Map(
    incidents.map((incident) => {
      const engine = stack.incidents[incident.name]!;
      const at = Date.now();
      return [incident.name, injectHistory(engine.prometheusUrl, incident.history, at).then(() => at)];
    }),
  );
  // Surfaced in the incident's own test; no other test waits for it.
  for (const pending of injections.values()) pending.catch(() => undefined);
  return injections.get(name)!;
}

function stacks(ctx: TestContext) {
  return { alertmanager: requireStack<AlertingStackInfo>(ctx, 'e2e-alertmanager'), incidents: requireStack<IncidentsStackInfo>(ctx, 'e2e-incidents') };
}

const delivered = new Set<string>();

describe.concurrent('incidents (fixtures/incidents): injected history, canonical rules on a real Prometheus, delivered by the canonical Alertmanager', () => {
  for (const incident of incidents) {
    it(`${incident.name} (${incident.file})`, async (ctx) => {
      const { alertmanager, incidents: stack } = stacks(ctx);
      const engine = stack.incidents[incident.name]!;
      const observer = new E2eObserver(alertmanager, config, engine.prometheusUrl, engine.cluster);
      const outcome = await observeIncident(incident, observer, await injectedAt(stack, incident.name), context.alerts);
      const fill = (text: string) => text.replaceAll('{cluster}', engine.cluster).replaceAll('{external_url}', alertmanager.externalUrl);

      for (const { expectation, delivery, prometheusLabels } of outcome.deliveries) {
        const where = `${incident.file}:${expectation.line}`;
        expect(delivery.receiver, `${expectation.alert} (${where}) was delivered by`).toBe(expectation.receiver);
        expect(prometheusLabels, `${expectation.alert} (${where}) as Prometheus holds it`).toContainEqual(expect.objectContaining(expectation.labels));
        const { expected, actual } = comparablePayload(expectation, delivery, fill);
        expect(actual, `${expectation.alert} (${where}): the delivered payload`).toEqual(expected);
        if (delivery.kind === 'pagerduty') {
          expect({ routing_key: delivery.event.routing_key, event_action: delivery.event.event_action }).toEqual({ routing_key: alertmanager.routingKey, event_action: 'trigger' });
          expect(delivery.event.dedup_key).toMatch(/^[0-9a-f]{64}$/);
        }
        delivered.add(expectation.alert);
        recordCoverage(ctx, { alertsDelivered: [expectation.alert], receivers: [delivery.receiver] });
      }
      for (const { expectation, seen } of outcome.inhibitions) {
        const where = `${incident.file}:${expectation.line}`;
        const order = seen.delivered.map(summarizeDelivery).join('\n  ');
        const fired = seen.listed.map((a) => `${a.labels.alertname} startsAt ${a.startsAt} ${a.status.state}`).join('\n  ');
        expect(
          seen.leaks,
          `${expectation.alert} (${where}) reached a receiver although it must be muted; the cluster's deliveries in order:\n  ${order}\nits alerts in Alertmanager:\n  ${fired}\n`,
        ).toEqual([]);
        expect(seen.target.status.state, `${expectation.alert} (${where}) in Alertmanager`).toBe('suppressed');
        const mutedBy = seen.sources.map((s) => s.labels.alertname);
        expect(
          mutedBy.length > 0 && mutedBy.every((name) => expectation.by.includes(name!)),
          `${expectation.alert} (${where}) was muted by [${mutedBy.join(', ')}], expected one of [${expectation.by.join(', ')}]`,
        ).toBe(true);
        // Every rule that alone would mute it (inhibition-effect.ts says why).
        const rules = seen.sources.flatMap((s) => inhibitingRules(config.inhibitRules, s.labels, seen.target.labels));
        recordCoverage(ctx, { inhibitions: rules.map((r) => r.index) });
      }
      // The Watchdog (always firing) is active in every incident's Prometheus by design.
      const expectedActive = [...new Set([...incident.fires.map((f) => f.alert), ...incident.inhibited.map((i) => i.alert), ...alwaysFiring])].sort();
      expect(outcome.active, `alerts active in the incident's Prometheus: exactly those ${incident.file} expects`).toEqual(expectedActive);
    }, 900_000); // each expected alert is waited for in turn, up to patienceFor() (observe-incident.ts)
  }
});

describe('incident coverage', () => {
  it('every alert of alert_rules.yml has an incident that makes it fire and reach its receiver', (ctx) => {
    const missing = uncoveredAlerts(incidents, [...context.alerts.values()]).map((a) => `${a.name} (${a.file}:${a.line})`);
    expect(missing, 'alerts no incident of fixtures/incidents/ lists under fires:').toEqual([]);
    stacks(ctx);
    const ran = ctx.task.suite?.file.tasks.flatMap((t) => ('tasks' in t ? t.tasks : [t])).filter((t) => t.name.includes('fixtures/incidents/') && t.result?.state === 'pass').length ?? 0;
    if (ran < incidents.length) ctx.skip(`only ${ran} of ${incidents.length} incidents ran and passed in this run (a -t filter, or failures reported above): delivery coverage needs them all`);
    const undelivered = [...context.alerts.keys()].filter((name) => !delivered.has(name));
    expect(undelivered, 'alerts no incident delivered in this run').toEqual([]);
  });
});
