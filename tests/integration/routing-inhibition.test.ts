// @stacks alerting
import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { deliveryMentions, isResolvedDelivery } from '../../src/alertmanager/deliveries.js';
import { loadRoutingScenarios } from '../../src/alertmanager/load-routing-scenarios.js';
import { RoutingProbe } from '../../src/alertmanager/routing-probe.js';
import { inhibitingRules } from '../../src/diff/inhibition-effect.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { canonicalScenarioContext } from '../../src/alertmanager/scenario-context.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

const config = loadAlertmanagerConfig();
const cases = loadRoutingScenarios(canonicalScenarioContext()).flatMap((s) => s.inhibitions.map((c) => ({ ...c, where: `${s.file}:${c.line}` })));

describe.concurrent('inhibition cases (fixtures/routing) on the real Alertmanager', () => {
  for (const c of cases) {
    it(`${c.name} (${c.where})`, async (ctx) => {
      const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
      const cluster = probe.cluster(c.name);
      const sourceCluster = c.sameCluster ? cluster : probe.cluster(`${c.name} source`);
      const source = c.source.labels.alertname!;
      const target = c.target.labels.alertname!;

      // The source first, as in an outage: the inhibitor must know it before the target's group flushes.
      await probe.fire([c.source], sourceCluster);
      const [sourceAlert] = (await probe.accepted(sourceCluster, 1)).filter((a) => a.labels.alertname === source);
      // The control is the target alone in a cluster of its own: nothing can mute it, so its
      // notifications show when the target's group (same route, same timers) has been flushed.
      const controlCluster = probe.cluster(`${c.name} control`);
      await probe.api.post([...probe.inCluster([c.target], cluster), ...probe.inCluster([c.target], controlCluster)]);

      // Alertmanager's inhibitor learns a source through a subscription of its own to the alert
      // store (inhibit/inhibit.go:84-100 in v0.33.1, Inhibitor.run), apart from the API that listed
      // the source as accepted; the API works out a target's state when it lists it (api/v2/api.go,
      // setAlertStatus). Under load it listed the target before the inhibitor had taken the source
      // in (active, then suppressed): so an inhibited target is awaited until suppressed, bounded.
      // A flush in that gap would have delivered it: the leak check below would catch that.
      const settled = (state: string) => (c.inhibited ? state === 'suppressed' : state !== 'unprocessed');
      let listed: Awaited<ReturnType<typeof probe.alerts>> = [];
      let targetAlert: (typeof listed)[number] | undefined;
      await pollUntil(
        async () => {
          listed = await probe.alerts(cluster);
          targetAlert = listed.find((a) => a.labels.alertname === target) ?? targetAlert;
          return targetAlert && settled(targetAlert.status.state) ? targetAlert : undefined;
        },
        { timeoutMs: probe.patienceMs, what: `Alertmanager to list ${target} in cluster ${cluster} as ${c.inhibited ? 'suppressed' : 'processed'}` },
        () => listed,
      ).catch((error: unknown) => {
        // Still listed otherwise when time ran out: the expectation below says how.
        if (!targetAlert) throw error;
      });
      if (!targetAlert) throw new Error(`Alertmanager never listed ${target} in cluster ${cluster}`);

      if (c.inhibited) {
        expect(targetAlert.status, `${target} as Alertmanager lists it`).toMatchObject({ state: 'suppressed', inhibitedBy: [sourceAlert!.fingerprint] });
        const firstControl = await probe.delivery(controlCluster, (d) => deliveryMentions(d, target), `the control copy of ${target} to be delivered`);
        // Resolving the control yields a notification at its group's next group_interval tick;
        // by then the target's group has been flushed twice, muted both times.
        await probe.resolve([c.target], controlCluster);
        await probe.delivery(controlCluster, isResolvedDelivery, `the control copy of ${target} to be resolved`, firstControl.seq);
        const leaked = (await probe.delivered(cluster)).filter((d) => deliveryMentions(d, target));
        expect(leaked, `${target} was delivered although ${source} inhibits it`).toEqual([]);
        const rules = inhibitingRules(config.inhibitRules, { ...c.source.labels, cluster: sourceCluster }, { ...c.target.labels, cluster });
        recordCoverage(ctx, { inhibitions: rules.map((r) => r.index) });
      } else {
        expect(targetAlert.status, `${target} as Alertmanager lists it`).toMatchObject({ state: 'active', inhibitedBy: [] });
        await probe.delivery(cluster, (d) => deliveryMentions(d, target), `${target} to be delivered despite ${source}`);
        await probe.resolve([c.target], controlCluster);
      }
      // The source itself is delivered: the inhibition muted the target, not everything.
      await probe.delivery(sourceCluster, (d) => deliveryMentions(d, source), `${source} to be delivered`);
      await probe.resolve([c.source], sourceCluster);
      await probe.resolve([c.target], cluster);
    });
  }
});
