// @stacks faults-scrape
import { describe, expect, it, onTestFailed } from 'vitest';
import { CaptureClient } from '../../src/capture/capture-client.js';
import { canonicalAlertTiming } from '../../src/faults/canonical-alert-timing.js';
import { ReceiverTimeline } from '../../src/faults/receiver-timeline.js';
import { renderScrapeHealth, scrapeHealth } from '../../src/faults/scrape-health.js';
import type { ScrapeFaultsStackInfo, ScrapeFaultTarget } from '../../src/faults/scrape-faults-stack.js';
import { StandInControl } from '../../src/faults/stand-in-control.js';
import { PrometheusApi } from '../../src/e2e/prometheus-api.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

/** A bound against a hang, never a speed claim: a scaled `for` plus a group flush, minutes at load 100. */
const patienceMs = 300_000;

/**
 * Prometheus's scrape errors as docs/runbooks/ApplicationDown.md tells them apart on /targets: a
 * hung target hits the scrape's context deadline (prometheus v3.5.3 scrape/scrape.go:1447,
 * context.WithTimeout(scrape_timeout)); a closed port is refused by the host.
 */
const hungError = /context deadline exceeded/;
const goneError = /connection refused/;

function scene(ctx: Parameters<typeof requireStack>[0]) {
  const stack = requireStack<ScrapeFaultsStackInfo>(ctx, 'faults-scrape');
  const prometheus = new PrometheusApi(stack.prometheusUrl);
  const capture = new CaptureClient(stack.alerting.captureUrl);
  const target = async (name: ScrapeFaultTarget) => (await prometheus.targets()).find((t) => t.labels.instance === stack.instances[name]);
  const firing = async (alertname: string) => (await prometheus.alerts()).filter((a) => a.labels.alertname === alertname && a.state === 'firing');
  // A red run says whether Prometheus itself could scrape in time (its self-scrape), not only what paged.
  const scrapes = async (sinceMs: number) => renderScrapeHealth(await scrapeHealth(prometheus, Date.now() - sinceMs), stack.timing.scrapeIntervalMs);
  return { stack, prometheus, capture, control: new StandInControl(stack.controlUrl), target, firing, scrapes };
}

describe('scrape faults on the real engines (canonical rules and routing, time ÷6)', () => {
  it("an exporter that hangs, one that answers garbage and one that disappears each raise TargetDown for their own instance, never before its for, with the scrape error the runbook reads; the one never scraped whole does not raise CriticalSignalAbsent (down targets are TargetDown's)", {
    timeout: 900_000,
  }, async (ctx) => {
    const { stack, prometheus, capture, control, target, firing, scrapes } = scene(ctx);
    const { alerting, cluster, instances, timing } = stack;
    const targetDown = canonicalAlertTiming('TargetDown', { cluster });
    const forMs = targetDown.forMs / timing.ruleFactor;
    const groupIntervalMs = targetDown.route.groupIntervalMs / alerting.timeFactor;
    // From the stack's start: mysqld-exporter has answered garbage since its first scrape.
    const timeline = await ReceiverTimeline.start(capture, [alerting.slackPath, alerting.pagerdutyPath], cluster, { mark: stack.startMark, atMs: stack.startedAtMs });
    onTestFailed(async () =>
      console.log(`${await timeline.render()}\ntargets: ${JSON.stringify((await prometheus.targets()).map((t) => [t.labels.job, t.health, t.lastError]))}\n${await scrapes(stack.startedAtMs)}`),
    );
    const faults: Record<'node-exporter' | 'mysqld-exporter' | 'cadvisor', { fromMs: number; error: RegExp }> = {
      'node-exporter': { fromMs: Date.now(), error: hungError },
      // Prometheus's text parser rejects the body at its first character and the scrape counts as
      // failed (scrape.go:1483-1499); docs/runbooks/TargetDown.md quotes this error.
      'mysqld-exporter': { fromMs: stack.startedAtMs, error: /expected a valid start token/ },
      cadvisor: { fromMs: Date.now(), error: goneError },
    };
    const broken = Object.keys(faults) as (keyof typeof faults)[];
    await control.setMode('node-exporter', 'hang');
    await control.setMode('cadvisor', 'gone');
    try {
      await pollUntil(
        async () => {
          const down = new Set((await firing('TargetDown')).map((a) => a.labels.instance));
          return broken.every((name) => down.has(instances[name])) ? true : undefined;
        },
        { timeoutMs: patienceMs, intervalMs: 500, what: 'TargetDown firing for the hung, the garbage and the vanished exporter' },
        () => timeline.render(),
      );

      // The posts: each instance named in a TargetDown post to #timetable-alerts, none before its for.
      const posts = await pollUntil(
        async () => {
          const requests = (await capture.requests({ path: alerting.slackPath, after: stack.startMark })).requests.filter((r) => r.text.includes(cluster) && r.text.includes('TargetDown'));
          return broken.every((name) => requests.some((r) => r.text.includes(instances[name]))) ? requests : undefined;
        },
        { timeoutMs: patienceMs, intervalMs: 500, what: 'TargetDown posts naming every broken exporter' },
        () => timeline.render(),
      );
      for (const name of broken) {
        const first = posts.find((r) => r.text.includes(instances[name]))!;
        expect(Date.parse(first.receivedAt) - faults[name].fromMs, `${name}: TargetDown posted only after its for (${forMs} ms) of failed scrapes`).toBeGreaterThanOrEqual(forMs);
        // /targets shows the last scrape's error only, and on a loaded machine any scrape may time
        // out (every target, Prometheus itself included, did at load ~70): wait for the fault's own.
        await pollUntil(
          async () => {
            const seen = await target(name);
            return seen?.health === 'down' && faults[name].error.test(seen.lastError) ? true : undefined;
          },
          { timeoutMs: patienceMs, intervalMs: 500, what: `${name} down on /targets with the error ${faults[name].error}` },
          () => target(name),
        );
      }
      // "How long do scrapes take (timeouts)?" (docs/runbooks/TargetDown.md): the hung one, the whole timeout.
      const [duration] = await prometheus.query(`scrape_duration_seconds{instance="${instances['node-exporter']}"}`);
      expect(Number(duration?.value[1]) * 1000, "the hung exporter's scrape lasted its whole scrape_timeout").toBeGreaterThanOrEqual(timing.scrapeIntervalMs * 0.9);
      // Alertmanager flushes the TargetDown group once per group_interval at most: its timer is reset
      // to group_interval before each flush (dispatch.go:709). We see deliveries, each late by its
      // own delay, so the last interval may look short: n posts ≤ 1 + ⌈span / group_interval⌉.
      const spanMs = Date.parse(posts.at(-1)!.receivedAt) - Date.parse(posts[0]!.receivedAt);
      expect(posts.length, `TargetDown posts at most once per group_interval (${groupIntervalMs} ms) over ${spanMs} ms`).toBeLessThanOrEqual(1 + Math.ceil(spanMs / groupIntervalMs));

      // CriticalSignalAbsent: its absence term for mysql_up has held since the stack started (the
      // exporter never answered a parsable scrape), as long as TargetDown's for; only `up == 1`
      // keeps it quiet, as the runbook says it must.
      const absent = await prometheus.query('absent_over_time(mysql_up{job="mysqld-exporter"}[10m])');
      expect(
        absent.map((s) => s.value[1]),
        'mysql_up has never been scraped',
      ).toEqual(['1']);
      const absentAlerts = (await prometheus.alerts()).filter((a) => a.labels.alertname === 'CriticalSignalAbsent');
      expect(
        absentAlerts.map((a) => `${a.labels.signal} ${a.state}`),
        'CriticalSignalAbsent not even pending',
      ).toEqual([]);
      expect((await timeline.events()).filter((e) => e.what.includes('CriticalSignalAbsent') || e.what.includes('ApplicationDown'))).toEqual([]);
    } finally {
      await control.setMode('node-exporter', 'serve');
      await control.setMode('cadvisor', 'serve');
    }
    await pollUntil(async () => ((await Promise.all(['node-exporter', 'cadvisor'].map((n) => target(n as ScrapeFaultTarget)))).every((t) => t?.health === 'up') ? true : undefined), {
      timeoutMs: patienceMs,
      intervalMs: 500,
      what: 'the hung and the vanished exporter scraped again once they answer',
    });
  });

  it('the application hangs, then disappears, then answers again: ApplicationDown pages once, after its for, and resolves once; /targets says "context deadline exceeded", then "connection refused"; TargetDown never names the app', {
    timeout: 900_000,
  }, async (ctx) => {
    const { stack, capture, control, target, firing, scrapes } = scene(ctx);
    const { alerting, cluster, timing } = stack;
    const appDown = canonicalAlertTiming('ApplicationDown', { cluster });
    const forMs = appDown.forMs / timing.ruleFactor;
    const repeatMs = appDown.route.repeatIntervalMs / alerting.timeFactor;
    const timeline = await ReceiverTimeline.start(capture, [alerting.slackPath, alerting.pagerdutyPath], cluster);
    const startedMs = Date.now();
    onTestFailed(async () => console.log(`${await timeline.render()}\n${await scrapes(startedMs)}`));
    const pages = async (action: 'trigger' | 'resolve') => (await timeline.events()).filter((e) => e.path.startsWith(alerting.pagerdutyPath) && e.what === `ApplicationDown ${action}`);
    const waitFor = <T>(what: string, attempt: () => Promise<T | undefined>) => pollUntil(attempt, { timeoutMs: patienceMs, intervalMs: 500, what }, () => timeline.render());

    const fromMs = Date.now();
    try {
      await control.setMode('timetable-app', 'hang');
      await waitFor('the ApplicationDown page', async () => ((await pages('trigger')).length ? true : undefined));
      expect((await target('timetable-app'))?.lastError).toMatch(hungError);

      await control.setMode('timetable-app', 'gone');
      await waitFor('"connection refused" on /targets for the vanished app', async () => (goneError.test((await target('timetable-app'))?.lastError ?? '') ? true : undefined));
      expect(
        (await firing('TargetDown')).filter((a) => a.labels.job === 'timetable-app'),
        'TargetDown leaves the app to ApplicationDown',
      ).toEqual([]);
    } finally {
      await control.setMode('timetable-app', 'serve');
    }
    // The resolve flushes the group: any second page of this incident would have come before it.
    await waitFor('the ApplicationDown resolve', async () => ((await pages('resolve')).length ? true : undefined));
    const endMs = Date.now();

    /*
     * One incident: `up` was 0 at every scrape from the hang through the vanishing (a held request
     * and a refused connection are both failed scrapes), so the alert never left firing (Prometheus
     * v3.5.3 rules/alerting.go:474-501) and its group notified once when it fired, once more per
     * repeat_interval it lasted (notify/dedup_stage.go:52-90), and once when it resolved.
     */
    const triggers = await pages('trigger');
    expect(triggers.length, `at most 1 + ⌊${endMs - fromMs} / ${repeatMs}⌋ pages`).toBeLessThanOrEqual(1 + Math.floor((endMs - fromMs) / repeatMs));
    expect(triggers.length).toBeGreaterThanOrEqual(1);
    expect(await pages('resolve'), 'one resolve').toHaveLength(1);
    expect(Date.parse(triggers[0]!.receivedAt) - fromMs, `paged only after its for (${forMs} ms)`).toBeGreaterThanOrEqual(forMs);
  });
});
