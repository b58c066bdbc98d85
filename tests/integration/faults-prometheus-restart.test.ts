// @stacks faults-prometheus
import { describe, expect, it, onTestFailed } from 'vitest';
import type { PrometheusRestartStackInfo, RestartablePrometheus } from '../../src/faults/prometheus-restart-stack.js';
import { PrometheusRestartScenario } from '../../src/faults/prometheus-restart-scenario.js';
import { requireStack } from '../../src/stacks/require-stack.js';

/**
 * TargetDown (`for: 5m`, warning → Slack) on Prometheus 3.5 with the canonical rules and the
 * restore flags of compose and k8s, everything ÷6 (src/faults/prometheus-restart-stack.ts).
 * What Prometheus does at a restart (rules/group.go:737-866, RestoreForState): for each alert
 * active after its second evaluation, it reads the last ALERTS_FOR_STATE sample (value: the
 * alert's activeAt) and moves activeAt forward by the outage, so the pending time before the
 * restart still counts and the outage does not; rules whose `for` is under
 * --rules.alert.for-grace-period are not restored at all (group.go:767-774).
 */
async function scenario(ctx: Parameters<typeof requireStack>[0], pick: (s: PrometheusRestartStackInfo) => RestartablePrometheus) {
  const stack = requireStack<PrometheusRestartStackInfo>(ctx, 'faults-prometheus');
  const s = await PrometheusRestartScenario.start(stack, pick(stack));
  onTestFailed(async () => console.log(await s.timeline.render()));
  return s;
}

/** Brings the target back and waits for the resolved notification: every test leaves its Prometheus quiet, and the resolve proves the group flushed. */
async function recover(s: PrometheusRestartScenario): Promise<void> {
  const resolves = async () => (await s.kinds()).filter((k) => k === 'RESOLVED').length;
  const before = await resolves();
  await s.startTarget();
  await s.waitFor('TargetDown resolved at the receiver once the target is back', async () => ((await resolves()) > before ? true : undefined));
}

describe.sequential("Prometheus restarts (canonical rules, compose/k8s flags, everything ÷6, compose's 10s stop grace)", () => {
  it('with /prometheus on a volume (compose, k8s), an alert pending at the restart keeps the pending time it had: the `for` clock resumes, and it pages once', { timeout: 900_000 }, async (ctx) => {
    const s = await scenario(ctx, (stack) => stack.onVolume);
    try {
      await s.stopTarget();
      // Stop Prometheus 40% into the `for`: far enough to tell a resumed clock from a restarted one
      // (which would credit a few evaluations), far enough from the end that it cannot fire first.
      await s.waitFor('TargetDown pending for 40% of its `for`', async () => {
        const alert = await s.alert();
        if (alert?.state === 'firing') throw new Error('TargetDown fired before the restart: the machine was too slow to stop Prometheus within its `for`');
        return alert && Date.now() - Date.parse(alert.activeAt) >= 0.4 * s.forMs ? alert : undefined;
      });
      const { stoppedAt } = await s.restart();
      expect(await s.kinds(), 'no notification before or during the restart').toEqual([]);

      // The first ALERTS_FOR_STATE sample of the new process is written only once it has restored (alerting.go:518).
      const samples = await s.waitFor('an ALERTS_FOR_STATE sample from the restarted Prometheus', async () => {
        const all = await s.forStateSamples();
        return all.some((x) => x.atS * 1000 > stoppedAt) ? all : undefined;
      });
      const before = samples.filter((x) => x.atS * 1000 <= stoppedAt).at(-1)!;
      const after = samples.find((x) => x.atS * 1000 > stoppedAt)!;
      const pendingBeforeS = before.atS - before.activeAtS;
      const pendingAfterS = after.atS - after.activeAtS;
      console.log(
        `pending ${pendingBeforeS.toFixed(1)}s at the last evaluation before the stop, ${pendingAfterS.toFixed(1)}s at the first after the restore (for: ${s.forMs / 1000}s; a restarted clock would show a few evaluations)`,
      );
      // Both values are whole seconds (activeAt) against millisecond timestamps: 2 s of rounding.
      expect(pendingAfterS, 'pending time credited after the restart (s)').toBeGreaterThanOrEqual(pendingBeforeS - 2);
      // ...and the outage itself is not counted as pending: activeAt moved forward by it (group.go:851-856).
      expect(pendingAfterS, 'pending time credited after the restart, outage excluded (s)').toBeLessThan(pendingBeforeS + (after.atS - before.atS) / 2);

      await s.waitFor('TargetDown delivered after the restart', async () => ((await s.kinds()).includes('FIRING') ? true : undefined));
      await recover(s);
      expect(await s.kinds(), 'TargetDown notifications, counted').toEqual(['FIRING', 'RESOLVED']);
    } finally {
      await s.startTarget().catch(() => undefined);
    }
  });

  it('with /prometheus on a volume (compose, k8s), an alert firing at the restart stays firing in Alertmanager: no resolve, no second page', { timeout: 900_000 }, async (ctx) => {
    const s = await scenario(ctx, (stack) => stack.onVolume);
    try {
      await s.stopTarget();
      await s.waitFor('TargetDown delivered before the restart', async () => ((await s.kinds()).includes('FIRING') ? true : undefined));
      const firing = (await s.alert())!;
      const held = await s.waitFor('TargetDown in Alertmanager', () => s.alertInAlertmanager());
      const { stoppedAt } = await s.restart();

      const refired = await s.waitFor('TargetDown firing again in the restarted Prometheus', async () => ((await s.alert())?.state === 'firing' ? s.alert() : undefined));
      // Each send renews endsAt (the lease, alerting.go:593-603): a later endsAt is a send from the new process.
      const renewed = await s.waitFor('a send from the restarted Prometheus in Alertmanager', async () => {
        const now = await s.alertInAlertmanager();
        return now && Date.parse(now.endsAt) > Date.parse(held.endsAt) ? now : undefined;
      });
      console.log(`Prometheus down ${((Date.now() - stoppedAt) / 1000).toFixed(1)}s until re-sent; lease ${(4 * s.stack.deployed.resendDelayMs) / 1000}s`);
      expect(Math.floor(Date.parse(refired.activeAt) / 1000), 'activeAt restored from ALERTS_FOR_STATE (whole seconds)').toBe(Math.floor(Date.parse(firing.activeAt) / 1000));
      // Alertmanager merges a re-sent alert into the one it holds, keeping the earliest startsAt
      // (alertmanager provider/mem/mem.go:322-327, alert/alert.go:49-52): the same incident.
      expect(renewed.startsAt, 'the incident Alertmanager holds began when it did before the restart').toBe(held.startsAt);

      await recover(s);
      expect(await s.kinds(), 'TargetDown notifications, counted: one page, one resolve when the target is back').toEqual(['FIRING', 'RESOLVED']);
    } finally {
      await s.startTarget().catch(() => undefined);
    }
  });

  it('WITHOUT a volume the `for` clock and the history are lost: a firing alert goes back to pending for its whole `for`, outlives its lease in Alertmanager and comes back as a new incident (what a deployment without one gets)', {
    timeout: 900_000,
  }, async (ctx) => {
    const s = await scenario(ctx, (stack) => stack.inMemory);
    const leaseMs = 4 * Math.max(s.server.resendDelayMs, s.stack.timing.scrapeIntervalMs);
    try {
      await s.stopTarget();
      await s.waitFor('TargetDown delivered before the restart', async () => ((await s.kinds()).includes('FIRING') ? true : undefined));
      const held = await s.waitFor('TargetDown in Alertmanager', () => s.alertInAlertmanager());
      const upBefore = await s.upSamples();
      const { stoppedAt, resumedAt } = await s.restart();

      const pending = await s.waitFor('TargetDown active in the restarted Prometheus', () => s.alert());
      expect(pending.state, 'state after the restore: pending again').toBe('pending');
      expect(Date.parse(pending.activeAt), 'activeAt: the `for` started over after the restart').toBeGreaterThan(stoppedAt);
      expect(
        (await s.forStateSamples()).filter((x) => x.atS * 1000 <= stoppedAt),
        'ALERTS_FOR_STATE from before the restart',
      ).toEqual([]);
      const upAfter = await s.upSamples();
      expect(upAfter, '`up` samples left from before the restart: none').toBeLessThanOrEqual(Math.ceil((Date.now() - stoppedAt) / s.stack.timing.scrapeIntervalMs) + 1);
      expect(upAfter).toBeLessThan(upBefore);

      // The lease of the last send before the stop ends before the renewed `for` does (lease < `for`,
      // as 4m < 5m in production): Alertmanager resolves the incident, and the next send opens a new one.
      const reopened = await s.waitFor('TargetDown back in Alertmanager after the restart', async () => {
        const now = await s.alertInAlertmanager();
        return now && now.startsAt !== held.startsAt ? now : undefined;
      });
      const unsentS = (Date.parse(reopened.startsAt) - stoppedAt) / 1000;
      expect(Date.parse(reopened.startsAt), 'the incident Alertmanager holds now began after the restart').toBeGreaterThan(stoppedAt);
      await recover(s);
      const kinds = await s.kinds();
      console.log(
        [
          `without storage: ${upBefore} samples of up before the restart, ${upAfter} after it;`,
          `TargetDown not sent for ${unsentS.toFixed(1)}s (restart ${((resumedAt - stoppedAt) / 1000).toFixed(1)}s + its whole for of ${s.forMs / 1000}s)`,
          `against a lease of ${leaseMs / 1000}s: Alertmanager's incident began at ${held.startsAt}, then again at ${reopened.startsAt};`,
          `the receiver saw ${kinds.join(', ')} (a resolve and a second page in between when a group flush fell in the gap)`,
        ].join(' '),
      );
      expect(kinds[0], 'the page before the restart').toBe('FIRING');
      expect(kinds.at(-1), 'the incident ends resolved').toBe('RESOLVED');
    } finally {
      await s.startTarget().catch(() => undefined);
    }
  });
});
