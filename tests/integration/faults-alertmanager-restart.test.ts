// @stacks faults
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFailed } from 'vitest';
import { AlertmanagerApi, type PostableAlert } from '../../src/alertmanager/alertmanager-api.js';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { CaptureClient } from '../../src/capture/capture-client.js';
import { StackControl } from '../../src/e2e/stack-control.js';
import type { FaultsStackInfo } from '../../src/faults/faults-stack.js';
import { ReceiverTimeline, type ReceiverEvent } from '../../src/faults/receiver-timeline.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

const config = loadAlertmanagerConfig();
const critical = config.routes.find((r) => r.receiver === 'pagerduty-critical' && r.matchers.length === 1)!;
/** A bound on a delivery or a restart: seconds idle, minutes at load 100. */
const patienceMs = 240_000;

const alert = (alertname: string, service: string, cluster: string): PostableAlert => ({
  labels: { alertname, severity: 'critical', service, team: 'backend', cluster },
  annotations: { summary: `${alertname} in ${cluster}` },
  endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
});

/**
 * One Alertmanager the test restarts, as Prometheus sees it: Prometheus re-sends every firing
 * alert each resend-delay, so after a restart the page comes back with the next send, which the
 * test plays by posting it again. Alongside, a control page of another group on the same route:
 * both groups are created by that one post and wait the same group_wait, so once the control is
 * delivered and one group_interval more has passed, the page's group has flushed too: its
 * absence is then proven, not hoped for (as tests/integration/routing-inhibition.test.ts does).
 */
async function restartScenario(ctx: Parameters<typeof requireStack>[0], pick: (s: FaultsStackInfo) => AlertingStackInfo, engine: string) {
  const stack = requireStack<FaultsStackInfo>(ctx, 'faults');
  const am = pick(stack);
  const cluster = `restart-${engine}-${randomBytes(3).toString('hex')}`;
  const capture = new CaptureClient(am.captureUrl);
  const control = new StackControl(stack.restart.controlUrl);
  // A restart maps new host ports: ask where the Alertmanager is now.
  let api = new AlertmanagerApi(await control.currentUrl(engine, 9093, am.alertmanagerUrl));
  const timeline = await ReceiverTimeline.start(capture, [am.pagerdutyPath, am.slackPath], cluster);
  onTestFailed(async () => console.log(await timeline.render()));
  const page = alert('DatabaseDown', 'database', cluster);
  const probe = alert('HighErrorRate', 'timetable-app', cluster);
  const delivered = async (name: string, after = 0) => (await timeline.events()).filter((e) => e.seq > after && e.what === `${name} trigger` && e.answer === 202);
  const waitFor = <T>(what: string, attempt: () => Promise<T | undefined>) => pollUntil(attempt, { timeoutMs: patienceMs, intervalMs: 200, what }, () => timeline.render());

  const restart = async () => {
    await control.pause(engine);
    await control.resume(engine);
    api = new AlertmanagerApi(await control.currentUrl(engine, 9093, am.alertmanagerUrl));
  };
  /** After a restart: post the page again with the control; resolves to the page's deliveries once its group has flushed. */
  const afterRestart = async (): Promise<ReceiverEvent[]> => {
    const mark = await capture.mark();
    await api.post([page, probe]);
    const control = await waitFor('the control page, posted with the page after the restart', async () => (await delivered('HighErrorRate', mark))[0]);
    const settled = Date.now() + critical.groupIntervalMs / am.timeFactor + 1000;
    await waitFor('one group_interval after the control page', async () => (Date.now() >= settled ? true : undefined));
    expect(control.answer).toBe(202);
    return delivered('DatabaseDown', mark);
  };
  return { capture, api: () => api, am, timeline, page, probe, delivered, waitFor, restart, afterRestart, cleanup: () => api.resolve([page, probe]) };
}

describe.sequential("Alertmanager restarts (canonical config, timers ÷10, stopped with compose's 10s grace)", () => {
  it('with the notification log on a volume (compose, k8s), a page delivered before a restart is not delivered again after it', { timeout: 900_000 }, async (ctx) => {
    const s = await restartScenario(ctx, (stack) => stack.restart.onVolume, 'restart-volume');
    try {
      await s.api().post([s.page]);
      await s.waitFor('the page delivered before the restart', async () => (await s.delivered('DatabaseDown'))[0]);
      await s.restart();
      expect(await s.afterRestart(), 'the page delivered again after the restart').toEqual([]);
    } finally {
      await s.cleanup();
    }
  });

  it('a page still in flight when Alertmanager restarts (PagerDuty holding the request) is delivered after the restart, once', { timeout: 900_000 }, async (ctx) => {
    const s = await restartScenario(ctx, (stack) => stack.restart.onVolume, 'restart-volume');
    await s.capture.failPath(s.am.pagerdutyPath, 'hang');
    try {
      await s.api().post([s.page]);
      await s.waitFor('the page held by PagerDuty', async () => ((await s.timeline.events()).some((e) => e.what === 'DatabaseDown trigger' && e.answer === 'held') ? true : undefined));
      expect(await s.delivered('DatabaseDown'), 'nothing delivered before the restart').toEqual([]);
      await s.restart();
      await s.capture.failPath(s.am.pagerdutyPath, 0);
      const after = await s.afterRestart();
      expect(
        after.map((e) => e.answer),
        'the page, delivered exactly once after the restart',
      ).toEqual([202]);
    } finally {
      await s.capture.failPath(s.am.pagerdutyPath, 0);
      await s.cleanup();
    }
  });

  it('WITHOUT a volume the notification log is lost: the same restart pages again (what a deployment without one gets)', { timeout: 900_000 }, async (ctx) => {
    const s = await restartScenario(ctx, (stack) => stack.restart.inMemory, 'restart-memory');
    try {
      await s.api().post([s.page]);
      await s.waitFor('the page delivered before the restart', async () => (await s.delivered('DatabaseDown'))[0]);
      await s.restart();
      expect(
        (await s.afterRestart()).map((e) => e.answer),
        'a second page for the same incident',
      ).toEqual([202]);
    } finally {
      await s.cleanup();
    }
  });
});
