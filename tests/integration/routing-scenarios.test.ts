// @stacks alerting
import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig, type RouteEntry } from '../../src/alertmanager/alertmanager-config.js';
import { amtoolRoutesTest, routeOfChain } from '../../src/alertmanager/amtool-routes.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { loadRoutingScenarios } from '../../src/alertmanager/load-routing-scenarios.js';
import { comparablePayload } from '../../src/alertmanager/payload-expectations.js';
import { RoutingProbe } from '../../src/alertmanager/routing-probe.js';
import { canonicalScenarioContext } from '../../src/alertmanager/scenario-context.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';

const config = loadAlertmanagerConfig();
const cases = loadRoutingScenarios(canonicalScenarioContext()).flatMap((s) => s.routes.map((c) => ({ ...c, where: `${s.file}:${c.line}` })));

// Filled by the cases as they observe deliveries and amtool's routes; read by the coverage test.
const reachedReceivers = new Set<string>();
const endedRoutes = new Set<RouteEntry>();
let casesRun = 0;

describe.concurrent('routing cases (fixtures/routing): amtool, Alertmanager and the delivered payload agree', () => {
  for (const c of cases) {
    it(`${c.name} (${c.where})`, async (ctx) => {
      const stack = requireStack<AlertingStackInfo>(ctx, 'alerting');
      casesRun++;
      const probe = new RoutingProbe(stack, config);
      const cluster = probe.cluster(c.name);
      const labels = { ...c.alert.labels, cluster };
      const [amtool] = await Promise.all([amtoolRoutesTest(labels), probe.fire([c.alert], cluster)]);

      expect(amtool.receivers, `amtool config routes test ${JSON.stringify(labels)}:\n${amtool.output}`).toEqual([c.receiver]);
      for (const chain of amtool.finalRoutes) {
        const route = routeOfChain(config.root, chain);
        expect(route, `amtool ended at a route the config does not have:\n${amtool.output}`).toBeDefined();
        endedRoutes.add(route!);
      }

      const [listed] = await probe.accepted(cluster, 1);
      expect(
        listed!.receivers.map((r) => r.name),
        'receivers Alertmanager itself lists for the alert',
      ).toEqual([c.receiver]);

      const delivery = await probe.delivery(cluster, () => true, `a notification for ${c.alert.labels.alertname} in cluster ${cluster}`);
      expect(delivery.receiver, 'the receiver that delivered it').toBe(c.receiver);
      reachedReceivers.add(delivery.receiver);
      recordCoverage(ctx, { receivers: [delivery.receiver], routes: amtool.finalRoutes.map((chain) => routeOfChain(config.root, chain)!.line) });
      const { expected, actual } = comparablePayload(c, delivery, (text) => probe.fill(text, cluster));
      expect(actual).toEqual(expected);
      if (delivery.kind === 'pagerduty') {
        // The key came from routing_key_file: Alertmanager read the secret file, not the config.
        expect(delivery.event.routing_key).toBe(stack.routingKey);
        expect(delivery.event.event_action).toBe('trigger');
        expect(delivery.event.dedup_key).toMatch(/^[0-9a-f]{64}$/);
      }
      await probe.resolve([c.alert], cluster);
    });
  }
});

describe('routing coverage', () => {
  it('every receiver of monitoring/alertmanager.yml got a delivery, and every route ended some case', (ctx) => {
    requireStack<AlertingStackInfo>(ctx, 'alerting');
    // With a name filter (-t) only some cases run; coverage means something only for all of them.
    if (casesRun < cases.length) ctx.skip(`coverage is judged when every routing case runs; ${casesRun} of ${cases.length} ran (a -t filter?)`);
    const unreached = config.receivers.filter((r) => !reachedReceivers.has(r.name)).map((r) => `${r.name} (${config.yaml.file}:${r.line})`);
    expect(unreached, 'receivers no routing case reached: add a case to fixtures/routing/ (or remove the receiver)').toEqual([]);
    const unexercised = config.routes.filter((r) => !endedRoutes.has(r)).map((r) => `route at ${config.yaml.file}:${r.line} (receiver ${r.receiver})`);
    expect(unexercised, 'routes no routing case ended at: add a case whose labels end there').toEqual([]);
  });
});
