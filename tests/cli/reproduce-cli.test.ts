import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { routeForLabels } from '../../src/alertmanager/route-for-labels.js';
import { prometheusEngine } from '../../src/prometheus-rules/prometheus-engine.js';
import { runReproduceCli } from './run-reproduce-cli.js';

// The route HighLatency (a warning of the app) takes, read from alertmanager.yml, so the expected
// timeline follows edits of the file instead of restating a line number.
const warningRoute = routeForLabels(loadAlertmanagerConfig().root, { alertname: 'HighLatency', severity: 'warning', service: 'timetable-app', team: 'backend' });

/** Lines of the output that are timeline rows or events, without their time column. */
const rows = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^\s+(\+[\d.]+s|\d[\dhms]*)\s{2}\S/.test(l))
    .map((l) => l.replace(/^\s+\S+\s{2}/, ''));

/** The live run needs Docker and the engine images; the command then says it fell back, and why. */
function skipUnlessLive(ctx: TestContext, output: string) {
  const fallback = /^reproduce \S+: simulated mode \((.*)\)$/m.exec(output);
  if (fallback) ctx.skip(`live mode could not run here: ${fallback[1]}`);
}

describe('npm run reproduce, end to end', () => {
  it('HighLatency live: the incident on real engines, pending → firing → delivered to Slack → resolved, and the report', async (ctx) => {
    const run = await runReproduceCli(['HighLatency', '--report', 'reports/reproduce/HighLatency-cli-test.html']);
    skipUnlessLive(ctx, run.output);
    expect(run.output).toMatch(/^reproduce HighLatency: live mode \(Docker and the \S+ and \S+ images are here\)$/m);
    expect(run.output).toContain('✓ starting Alertmanager with monitoring/alertmanager.yml (timers ÷100)');
    expect(run.output).toContain('HighLatency: warns from > 1s, after 5m');
    expect(run.output).toContain('  plays   fixtures/incidents/slow-responses.yaml: ');
    const events = rows(run.output).filter((l) => /^[◔●→○■]/.test(l));
    const kindOf = (l: string) =>
      /^◔/.test(l)
        ? 'pending'
        : /^●/.test(l)
          ? 'firing'
          : /^→ delivered/.test(l)
            ? 'delivered'
            : /^■/.test(l)
              ? 'incident over'
              : /^○/.test(l)
                ? 'resolved'
                : /^→ resolved notification/.test(l)
                  ? 'resolved notification'
                  : l;
    // In this order; a loaded machine may add a line (a late resend from Prometheus re-notifies), never drop one.
    const order = ['pending', 'firing', 'delivered', 'incident over', 'resolved', 'resolved notification'];
    const kinds = events.map(kindOf);
    let at = -1;
    for (const kind of order) {
      at = kinds.indexOf(kind, at + 1);
      expect(at, `${kind} after the events before it, in:\n${events.join('\n')}`).toBeGreaterThanOrEqual(0);
    }
    expect(events[kinds.indexOf('delivered')]).toMatch(
      /^→ delivered: slack-warnings → #timetable-alerts: \[FIRING:1\] HighLatency · timetable-app · reproduce-slow-responses-[0-9a-f]{6}: P95 request latency is above 1s$/,
    );
    expect(events[kinds.indexOf('resolved notification')]).toMatch(/^→ resolved notification: slack-warnings → #timetable-alerts: \[RESOLVED\] HighLatency/);
    // The measured value against its threshold at the evaluations. The incident's P95: 90% of its
    // requests end within 1s (and 2s), the rest within 5s, so histogram_quantile puts rank 95% of
    // 150 halfway into the (2s, 5s] bucket: 3.5s.
    expect(rows(run.output)).toContain('3.5s > 1s                           FIRING');
    const html = readFileSync(join(repoRoot, 'reports/reproduce/HighLatency-cli-test.html'), 'utf8');
    expect(html).toContain('&#34;channel&#34;: &#34;#timetable-alerts&#34;');
    expect(html).toContain('class="band band-firing"');
    expect(run.code).toBe(0);
  });

  it('HighLatency live, first poll 20 s late (as at load ~100): the pending no poll saw is read back from ALERTS, at the time Prometheus recorded it', async (ctx) => {
    const run = await runReproduceCli(['HighLatency', '--report', 'reports/reproduce/HighLatency-late-poll.html'], repoRoot, { HARNESS_REPRODUCE_FIRST_POLL_DELAY_MS: '20000' });
    skipUnlessLive(ctx, run.output);
    const timed = run.output
      .split('\n')
      .map((l) => /^\s+\+([\d.]+)s {2}(.*)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ s: Number(m[1]), text: m[2]! }));
    const firstPoll = timed.find((r) => !/^(injected|[◔●→○■])/.test(r.text))!;
    expect(firstPoll.s).toBeGreaterThanOrEqual(20);
    // Prometheus evaluates the injected history's pending long before the first poll: it is
    // placed at that evaluation and says it was learned at the poll. Then firing, as before.
    const pending = timed.find((r) => r.text.startsWith('◔'));
    expect(pending?.text, run.output).toMatch(/^◔ pending at \+[\d.]+s: the condition holds, waiting out for \(5m ÷100\) \(read from ALERTS at \+[\d.]+s\)$/);
    const firing = timed.find((r) => r.text.startsWith('●'))!;
    expect(pending!.s).toBeLessThan(firing.s);
    expect(timed.indexOf(pending!)).toBeLessThan(timed.indexOf(firing));
    expect(pending!.s).toBeLessThan(firstPoll.s);
    expect(
      timed.some((r) => r.text.startsWith('○ resolved at')),
      run.output,
    ).toBe(true);
    expect(run.code, run.output).toBe(0);
  });

  it('HighLatency simulated: the rule scenario through promtool, with the route and timers of alertmanager.yml', async (ctx) => {
    const run = await runReproduceCli(['HighLatency', '--simulated']);
    if (/promtool is not available/.test(run.output)) ctx.skip(/promtool is not available: .*/.exec(run.output)![0]);
    expect(run.output).toMatch(/^reproduce HighLatency: simulated mode \(asked for with --simulated\)$/m);
    expect(run.output).toContain('  plays   fixtures/rules/alerts/HighLatency.yaml:13 case "7% of requests take between 1s and 5s"');
    const timeline = run.output
      .split('\n')
      .filter((l) => /^\s+\d[\dhms]*\s{2}/.test(l) || /^\s+… /.test(l))
      .map((l) => l.trim());
    const leftOpen = prometheusEngine().major >= 3;
    expect(timeline.slice(0, 8)).toEqual([
      '0s  no value vs 1s                      inactive',
      '15s  2.143s > 1s                         pending',
      '15s  ◔ pending at 15s: the condition holds, waiting out for',
      '… the same for 19 more evaluations, to 5m',
      '5m15s  2.143s > 1s                         FIRING',
      '5m15s  ● firing at 5m15s',
      `5m20s  → would be delivered 5s later (group_wait of the route at monitoring/alertmanager.yml:${warningRoute.line}): slack-warnings → #timetable-alerts: "P95 request latency is above 1s" (its summary annotation)`,
      // Prometheus 3 reads range selectors left-open: the last sample leaves the 5m window one evaluation earlier.
      leftOpen ? '… the same for 37 more evaluations, to 14m30s' : '… the same for 38 more evaluations, to 14m45s',
    ]);
    expect(timeline).toContain(leftOpen ? '14m45s  ○ resolved at 14m45s: the condition no longer holds' : '15m  ○ resolved at 15m: the condition no longer holds');
    expect(existsSync(join(repoRoot, 'reports/reproduce/HighLatency.html'))).toBe(true);
    expect(run.code).toBe(0);
  });

  it('plays every alert of an incident file, and names an unknown alert with the nearest one', async (ctx) => {
    const incident = await runReproduceCli(['fixtures/incidents/slow-responses.yaml', '--simulated']);
    if (/promtool is not available/.test(incident.output)) ctx.skip(/promtool is not available: .*/.exec(incident.output)![0]);
    expect(incident.output).toContain('HighLatency: warns from > 1s, after 5m');
    expect(incident.output).toContain('HighLatencyP99: warns from > 2s, after 5m');
    expect(incident.output).toContain('report: reports/reproduce/slow-responses.html');
    expect(incident.code).toBe(0);
    const unknown = await runReproduceCli(['HighLatancy', '--simulated']);
    expect(unknown.output).toContain('reproduce: monitoring/alert_rules.yml: no alert rule is named HighLatancy; did you mean HighLatency?');
    expect(unknown.code).toBe(2);
  });

  it('--reuse keeps the Alertmanager for the next run, and --stop ends it', async (ctx) => {
    const first = await runReproduceCli(['HighLatency', '--reuse', '--report', 'reports/reproduce/reuse-1.html']);
    skipUnlessLive(ctx, first.output);
    try {
      expect(first.output).toMatch(/✓ starting engines to keep \(keeper pid \d+/);
      expect(first.code, first.output).toBe(0);
      const second = await runReproduceCli(['DatabaseDown', '--reuse', '--report', 'reports/reproduce/reuse-2.html']);
      expect(second.output).toMatch(/✓ reusing the engines kept by pid \d+/);
      expect(second.output).not.toContain('starting Alertmanager');
      expect(
        rows(second.output).some((l) => /^→ delivered: pagerduty-critical → PagerDuty/.test(l)),
        second.output,
      ).toBe(true);
      expect(second.code, second.output).toBe(0);
    } finally {
      const stop = await runReproduceCli(['--stop']);
      expect(stop.output).toMatch(/stopped the kept engines \(keeper pid \d+\)/);
    }
  });
});
