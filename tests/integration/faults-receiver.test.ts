// @stacks faults
import { describe, expect, it, onTestFailed } from 'vitest';
import { AlertmanagerApi, type PostableAlert } from '../../src/alertmanager/alertmanager-api.js';
import { CaptureClient } from '../../src/capture/capture-client.js';
import type { FaultsStackInfo } from '../../src/faults/faults-stack.js';
import { ReceiverTimeline, type ReceiverEvent } from '../../src/faults/receiver-timeline.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

/**
 * A bound, never a speed claim: Alertmanager gives a failing flush max(group_interval, 10s) of
 * retries (dispatch.go's timeout with notify.MinTimeout), the meta-alert needs a scrape of
 * Alertmanager, its `for` and an evaluation; minutes on a machine at load 100.
 */
const patienceMs = 240_000;

const page = (cluster: string): PostableAlert => ({
  labels: { alertname: 'DatabaseDown', severity: 'critical', service: 'database', team: 'backend', job: 'mysqld-exporter', instance: 'mysqld-exporter:9104', cluster },
  annotations: { summary: 'MySQL behind mysqld-exporter:9104 does not answer', description: 'mysqld_exporter mysqld-exporter:9104 could not reach the database for more than 1 minute; mysql_up = 0.' },
  // Firing for the whole scenario, as Prometheus would keep it (it re-sends long before this).
  endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
});

describe('receiver failures on the real Alertmanager (canonical config, timers ÷100)', () => {
  it('PagerDuty answers 500, then times out, then recovers: Alertmanager retries, counts each failed notification, tells Slack through AlertmanagerNotificationsFailing, and the page arrives once PagerDuty is back', {
    timeout: 900_000,
  }, async (ctx) => {
    const stack = requireStack<FaultsStackInfo>(ctx, 'faults');
    const { alerting, cluster } = stack;
    const capture = new CaptureClient(alerting.captureUrl);
    const api = new AlertmanagerApi(alerting.alertmanagerUrl);
    const timeline = await ReceiverTimeline.start(capture, [alerting.pagerdutyPath, alerting.slackPath], cluster);
    onTestFailed(async () => console.log(await timeline.render()));
    const pageRequests = async () => (await timeline.events()).filter((e) => e.path.startsWith(alerting.pagerdutyPath) && e.what === 'DatabaseDown trigger');
    const waitFor = <T>(what: string, attempt: () => Promise<T | undefined>) => pollUntil(attempt, { timeoutMs: patienceMs, intervalMs: 250, what }, () => timeline.render());
    const failedPagerduty = () => api.notificationsFailed('pagerduty');

    const failedAtStart = await failedPagerduty();
    await capture.failPath(alerting.pagerdutyPath, 500);
    try {
      await api.post([page(cluster)]);

      // 1. 500: Alertmanager retries within the flush, then counts the notification as failed.
      await waitFor('two attempts at the page, both answered 500 (a retry)', async () => ((await pageRequests()).filter((e) => e.answer === 500).length >= 2 ? true : undefined));
      const failedAfter500 = await waitFor('alertmanager_notifications_failed_total{integration="pagerduty"} to count the failed notification', async () => {
        const now = await failedPagerduty();
        return now > failedAtStart ? now : undefined;
      });

      // 2. The meta-alert, from Prometheus scraping that counter, reaches the OTHER receiver.
      const meta = await waitFor('AlertmanagerNotificationsFailing posted to Slack', async () =>
        (await timeline.events()).find((e) => e.path.startsWith(alerting.slackPath) && e.what.includes('AlertmanagerNotificationsFailing')),
      );
      expect(meta.what).toBe(`[FIRING:1] AlertmanagerNotificationsFailing · alertmanager · ${cluster}`);

      // 3. Timeout: PagerDuty holds the request; Alertmanager gives up at the flush's deadline and counts it.
      await capture.failPath(alerting.pagerdutyPath, 'hang');
      await waitFor('an attempt at the page that PagerDuty held until Alertmanager gave up', async () => ((await pageRequests()).some((e) => e.answer === 'abandoned') ? true : undefined));
      await waitFor('the timed-out notification counted as failed', async () => ((await failedPagerduty()) > failedAfter500 ? true : undefined));

      // 4. Recovery: the next attempt is delivered.
      await capture.failPath(alerting.pagerdutyPath, 0);
      await waitFor('the page delivered (202) once PagerDuty is back', async () => ((await pageRequests()).some((e) => e.answer === 202) ? true : undefined));
    } finally {
      await capture.failPath(alerting.pagerdutyPath, 0);
      await api.resolve([page(cluster)]);
    }

    const attempts = await pageRequests();
    const answers = attempts.map((e) => e.answer);
    const firstDelivered = answers.indexOf(202);
    expect(
      answers.slice(0, firstDelivered).every((a) => a === 500 || a === 'abandoned' || a === 504 || a === 'held'),
      'every attempt before the delivery failed',
    ).toBe(true);
    expect(
      answers.filter((a) => a === 202),
      'the page is delivered exactly once after the recovery',
    ).toHaveLength(1);
    expect(shape(attempts), 'failures of both kinds before the delivery').toEqual(expect.arrayContaining([500, 'abandoned', 202]));
    expect(await failedPagerduty(), 'failed notifications counted: at least one 500 and one timeout').toBeGreaterThanOrEqual(failedAtStart + 2);
    const metaPages = (await timeline.events()).filter((e) => e.path.startsWith(alerting.pagerdutyPath) && e.what.startsWith('AlertmanagerNotificationsFailing'));
    expect(metaPages, 'AlertmanagerNotificationsFailing about PagerDuty is never sent to PagerDuty').toEqual([]);
  });
});

function shape(events: ReceiverEvent[]): ReceiverEvent['answer'][] {
  return [...new Set(events.map((e) => e.answer))];
}
