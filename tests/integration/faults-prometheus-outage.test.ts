// @stacks faults-prometheus
import { describe, expect, it, onTestFailed } from 'vitest';
import type { PrometheusRestartStackInfo } from '../../src/faults/prometheus-restart-stack.js';
import { PrometheusRestartScenario } from '../../src/faults/prometheus-restart-scenario.js';
import { requireStack } from '../../src/stacks/require-stack.js';

/**
 * What --rules.alert.for-outage-tolerance (compose and k8s: 1h) promises, on Prometheus 3.5.3.
 * A starting rule manager restores every group (rules/manager.go:312, 366), each after its second
 * evaluation (rules/group.go:254-274, RestoreForState at :739): it reads ALERTS_FOR_STATE only from
 * [now − tolerance, now] (group.go:747-750). An alert whose last sample lies inside that window is
 * restored: a firing one keeps its activeAt (group.go:832-835, 859), a pending one has it moved
 * forward by the outage (group.go:851-856). One whose last sample is older finds no series
 * (group.go:797-801) and keeps the activeAt its first evaluation in the new process gave it
 * (rules/alerting.go:446): its `for` starts over (alerting.go:513).
 *
 * Time-compressed: 1h cannot be outlasted in a test, so this server runs a tolerance of 90s
 * (prometheus-restart-stack.ts, shortOutageToleranceMs). The tolerance is compared with nothing but
 * the outage, through that query window; neither `for` nor the grace period enters it. So an
 * outage shorter or longer than 90s here does what one shorter or longer than 1h does in
 * production. `for` and grace period are ÷6 as in the other restart tests (TargetDown's 5m is 50s).
 */
describe("Prometheus down around --rules.alert.for-outage-tolerance (canonical rules, compose/k8s flags ÷6, this server's tolerance 90s)", () => {
  it('a firing alert keeps its `for` clock across a restart shorter than the outage tolerance, and after an outage longer than the tolerance its clock starts over in the new process', {
    timeout: 1_200_000,
  }, async (ctx) => {
    const stack = requireStack<PrometheusRestartStackInfo>(ctx, 'faults-prometheus');
    const server = stack.shortTolerance;
    const s = await PrometheusRestartScenario.start(stack, server);
    onTestFailed(async () => console.log(await s.timeline.render()));
    const toleranceS = server.outageToleranceMs / 1000;
    const lastSampleBefore = async (stoppedAt: number) => (await s.forStateSamples()).filter((x) => x.atS * 1000 <= stoppedAt).at(-1);
    try {
      await s.stopTarget();
      const firingNow = async () => {
        const alert = await s.alert();
        return alert?.state === 'firing' ? alert : undefined;
      };
      const firing = await s.waitFor('TargetDown firing in Prometheus', firingNow);

      // 1. A restart shorter than the tolerance: the alert keeps the activeAt it had.
      const short = await s.restart();
      const shortLast = await lastSampleBefore(short.stoppedAt);
      const shortOutageS = (short.restoredAt - shortLast!.atS * 1000) / 1000;
      // At most this long from the last sample to the restore (which ran before restoredAt).
      if (shortOutageS >= toleranceS)
        throw new Error(
          `the short restart lasted ${shortOutageS.toFixed(1)}s from the last ALERTS_FOR_STATE sample to the restore, not under the ${toleranceS}s tolerance: the machine was too slow for this scenario (load?)`,
        );
      const kept = await s.waitFor('TargetDown active in the restarted Prometheus', () => s.alert());
      expect(Math.floor(Date.parse(kept.activeAt) / 1000), `activeAt after a ${shortOutageS.toFixed(1)}s outage (< ${toleranceS}s): restored, whole seconds`).toBe(
        Math.floor(Date.parse(firing.activeAt) / 1000),
      );

      // 2. An outage longer than the tolerance: no ALERTS_FOR_STATE sample inside the window, no restore.
      const long = await s.restart(server.outageToleranceMs + 10_000);
      const longLast = await lastSampleBefore(long.stoppedAt);
      // The restore ran after the start was asked for (startedAt): the outage it saw is at least this.
      const longOutageS = (long.startedAt - longLast!.atS * 1000) / 1000;
      expect(longOutageS, 'the outage outlasted the tolerance (s)').toBeGreaterThan(toleranceS);
      const renewed = await s.waitFor('TargetDown active in the Prometheus restarted after the long outage', () => s.alert());
      // Its pending began inside the new process: the `for` starts over (whole seconds: activeAt is stored so).
      expect(Date.parse(renewed.activeAt), `activeAt after a ${longOutageS.toFixed(1)}s outage (> ${toleranceS}s): set by the new process, not restored`).toBeGreaterThanOrEqual(
        Math.floor(long.startedAt / 1000) * 1000,
      );
      await s.waitFor('TargetDown firing again, after its whole `for`', firingNow);
      const refiredAfterS = (Date.now() - long.startedAt) / 1000;

      // The target comes back; the resolve proves the group flushed (and leaves this Prometheus quiet).
      const resolves = async () => (await s.kinds()).filter((k) => k === 'RESOLVED').length;
      const resolvedBefore = await resolves();
      await s.startTarget();
      await s.waitFor('TargetDown resolved at the receiver once the target is back', async () => ((await resolves()) > resolvedBefore ? true : undefined));
      const kinds = await s.kinds();
      console.log(
        `outage tolerance ${toleranceS}s: a ${shortOutageS.toFixed(1)}s restart kept activeAt ${firing.activeAt}; a ${longOutageS.toFixed(1)}s outage started it over at ${renewed.activeAt}, firing again ${refiredAfterS.toFixed(1)}s after the start (for: ${s.forMs / 1000}s); the receiver saw ${kinds.join(', ')}`,
      );
      expect(kinds[0], 'the page before the restarts').toBe('FIRING');
      expect(kinds.at(-1), 'the incident ends resolved').toBe('RESOLVED');
    } finally {
      await s.startTarget().catch(() => undefined);
    }
  });
});
