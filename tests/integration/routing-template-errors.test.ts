// @stacks alerting-broken-template, alerting
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { RoutingProbe, type AlertTemplate } from '../../src/alertmanager/routing-probe.js';
import { CaptureClient } from '../../src/capture/capture-client.js';
import { engineVersion, imageFor } from '../../src/engines/image-pins.js';
import { testAlertmanagerConfig } from '../../src/alertmanager/test-alertmanager-config.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { runTool } from '../../src/tools/tool-runner.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

const config = loadAlertmanagerConfig();
const warning: AlertTemplate = { labels: { alertname: 'HighLatency', severity: 'warning', service: 'timetable-app', team: 'backend' }, annotations: { summary: 'P95 request latency is above 1s' } };
const critical: AlertTemplate = {
  labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'timetable-app', team: 'backend' },
  annotations: { summary: 'More than 5% of requests fail with a 5xx' },
};

// Up to 0.31 Alertmanager refused to send a Slack message whose template failed and counted the
// failure; from 0.32 (notify/slack/slack.go lost its `if err != nil` after rendering, v0.31.1 →
// v0.32.0) it posts the message with every field from the broken one on rendered EMPTY, and
// counts nothing. Either way the message is lost: only a real delivery shows how.
const [amMajor, amMinor] = engineVersion(imageFor('alertmanager').image).split('.').map(Number) as [number, number];
const postsBlankMessages = amMajor > 0 || amMinor >= 32;

describe.concurrent('template errors are caught by delivery, not by amtool', () => {
  it(
    postsBlankMessages
      ? 'a Slack template that breaks at render time posts a blank Slack message (Alertmanager 0.32+), and counts no failure'
      : 'a Slack template that breaks at render time fails the notification, counted in alertmanager_notifications_failed_total',
    async (ctx) => {
      const stack = requireStack<AlertingStackInfo>(ctx, 'alerting-broken-template');
      const probe = new RoutingProbe(stack, config);
      const capture = new CaptureClient(stack.captureUrl);
      const cluster = probe.cluster('broken template');
      // The page goes to a cluster of its own: in the same one it would inhibit the warning.
      const pageCluster = probe.cluster('broken template page');
      const failedBefore = await probe.api.notificationsFailed('slack');
      const mark = await capture.mark();
      await probe.fire([warning], cluster);
      await probe.fire([critical], pageCluster);

      if (postsBlankMessages) {
        const blank = await capture.waitFor(() => true, { path: stack.slackPath, after: mark, timeoutMs: probe.patienceMs, what: 'the Slack request of the broken template' });
        const body = blank.json as { channel?: string; attachments?: { title?: string; text?: string }[] };
        expect({ channel: body.channel ?? '', title: body.attachments?.[0]?.title ?? '', text: body.attachments?.[0]?.text ?? '' }, 'every field from the broken title on renders empty').toEqual({
          channel: '',
          title: '',
          text: '',
        });
        expect(await probe.api.notificationsFailed('slack'), 'Alertmanager 0.32+ counts the blank message as sent').toBe(failedBefore);
      } else {
        const failedAfter = await pollUntil(
          async () => {
            const now = await probe.api.notificationsFailed('slack');
            return now > failedBefore ? now : undefined;
          },
          { timeoutMs: probe.patienceMs, what: 'alertmanager_notifications_failed_total{integration="slack"} to rise' },
        );
        expect(failedAfter).toBeGreaterThan(failedBefore);
      }
      // The page (PagerDuty templates are intact) still goes out: only the broken message is lost.
      await probe.delivery(pageCluster, (d) => d.kind === 'pagerduty', 'the HighErrorRate page from the same Alertmanager');
      expect(await probe.delivered(cluster), 'Slack messages despite the broken title template').toEqual([]);
      await probe.resolve([warning], cluster);
      await probe.resolve([critical], pageCluster);
    },
  );

  it('amtool check-config accepts that same broken template, which is why the delivery test exists', async (ctx) => {
    requireStack<AlertingStackInfo>(ctx, 'alerting-broken-template');
    const dir = mkdtempSync(join(tmpdir(), 'am-broken-'));
    try {
      // The broken stack's files, laid out as in its container but under a temp dir amtool can read.
      const prepared = testAlertmanagerConfig({
        captureFromEngines: 'http://capture.invalid',
        pathPrefix: '/x',
        timeFactor: 1,
        extraTemplates: { 'zz-broken-for-test.tmpl': '{{ define "timetable.slack.title" }}{{ template "timetable.no_such_template" . }}{{ end }}\n' },
      });
      for (const [file, content] of Object.entries(prepared.files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), content);
      }
      writeFileSync(join(dir, 'alertmanager.yml'), prepared.config.replaceAll('/etc/alertmanager/', `${dir}/`));
      const run = await runTool('amtool', ['check-config', join(dir, 'alertmanager.yml')]);
      expect(run.exitCode, `${run.stdout}${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`- 1 templates`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the canonical templates render bare alerts (no annotations, no team) for every receiver without a failure', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const bare = ['critical', 'warning', 'info', ''].map((severity): AlertTemplate => ({ labels: { alertname: `Bare${severity || 'NoSeverity'}`, ...(severity ? { severity } : {}) } }));
    // The heartbeat receiver takes only the Watchdog (its route matches the name).
    bare.push({ labels: { alertname: 'Watchdog' } });
    // A cluster each: in one, the critical alert would inhibit the warning (both lack a service).
    const clusters = bare.map((a) => probe.cluster(a.labels.alertname!));
    await Promise.all(bare.map((a, i) => probe.fire([a], clusters[i]!)));
    const receivers = new Set<string>();
    for (const [i, alert] of bare.entries()) {
      const d = await probe.delivery(clusters[i]!, () => true, `a notification for ${alert.labels.alertname}`);
      receivers.add(d.receiver);
    }
    expect([...receivers].sort()).toEqual(config.receivers.map((r) => r.name).sort());
    const failed = { slack: await probe.api.notificationsFailed('slack'), pagerduty: await probe.api.notificationsFailed('pagerduty'), webhook: await probe.api.notificationsFailed('webhook') };
    expect(failed, `failed notifications of the canonical Alertmanager in this run, by reason: ${await failureReasons(probe, failed)}`).toEqual({ slack: 0, pagerduty: 0, webhook: 0 });
    await Promise.all(bare.map((a, i) => probe.resolve([a], clusters[i]!)));
  });
});

/**
 * Why notifications failed, by Alertmanager's `reason` label (notify/util.go, Reason, v0.33.1): a
 * template error counts as "other", a receiver that answered too late as "contextDeadlineExceeded"
 * (retry_stage.go), within max(group_interval, 10s) (cmd/alertmanager/main.go, timeoutFunc). Under
 * load, 3 PagerDuty failures once came from the capture server stalled by 17 MB listings.
 */
async function failureReasons(probe: RoutingProbe, failed: Record<string, number>): Promise<string> {
  const reasons = ['other', 'clientError', 'serverError', 'contextCanceled', 'contextDeadlineExceeded'];
  const parts: string[] = [];
  for (const integration of Object.keys(failed).filter((i) => failed[i]))
    for (const reason of reasons) {
      const count = await probe.api.metric('alertmanager_notifications_failed_total', { integration, reason });
      if (count) parts.push(`${integration} ${reason} ${count}`);
    }
  return parts.join(', ') || 'none';
}
