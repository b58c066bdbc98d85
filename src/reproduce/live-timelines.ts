import { randomBytes } from 'node:crypto';
import { DeliveryReader } from '../alertmanager/deliveries.js';
import { CaptureClient } from '../capture/capture-client.js';
import { incidentContext } from '../e2e/incidents/incident-context.js';
import { injectHistory } from '../e2e/incidents/inject-history.js';
import { patienceFor } from '../e2e/incidents/observe-incident.js';
import { historyWindow } from '../e2e/incidents/read-history.js';
import { testPrometheusConfig } from '../e2e/test-prometheus-config.js';
import { ruleTimeFactor, testEvaluationInterval } from '../e2e/test-timing.js';
import { parseDuration } from '../prometheus-rules/duration.js';
import { PrometheusApi } from '../e2e/prometheus-api.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import { alertBoundary } from '../thresholds/alert-boundary.js';
import { describeBoundary, formatThreshold } from '../thresholds/boundary-words.js';
import { notificationVerb } from '../thresholds/notification-verb.js';
import type { Workspace } from '../workspace/workspace.js';
import { AlertWatch } from './alert-watch.js';
import { liveTime } from './clocks.js';
import { keptEngines } from './kept-engines.js';
import { ownEngines } from './live-engines.js';
import { withProgress } from './progress.js';
import { readRecordedStates } from './recorded-states.js';
import type { ReproduceTarget } from './reproduce-target.js';
import type { Timeline } from './timeline.js';
import { TimelinePrinter } from './timeline-printer.js';

const pollMs = 250;
const evaluationMs = parseDuration(testEvaluationInterval)!;
/** After the incident ends: time for the alert to resolve and its resolved notification to arrive. */
const resolvePatienceMs = 60_000;

/**
 * Plays the incident on real engines: the canonical rules (test copy: `for` ÷100) in a fresh
 * Prometheus, the canonical Alertmanager, its history injected by remote write. Polls every
 * evaluation interval and prints the timeline as it happens; once every followed alert has been
 * delivered, ends the incident (deletes its series through the admin API) and follows the resolve.
 * The rules, alertmanager.yml and incident are `workspace`'s (the checkout `--root` names).
 */
export async function liveTimelines(target: ReproduceTarget, options: { reuse: boolean; reason: string; write: (line: string) => void; workspace: Workspace }): Promise<Timeline[]> {
  const { write, workspace } = options;
  const incident = target.incident!;
  const context = incidentContext(workspace);
  const config = workspace.alertmanager();
  const inventory = workspace.rules();
  write('engines:');
  const engines = options.reuse ? await keptEngines(write, workspace.root) : await ownEngines(write, workspace);
  try {
    const cluster = `reproduce-${incident.name}-${randomBytes(3).toString('hex')}`;
    const jobs = Object.fromEntries(context.jobs.map((job) => [job, { drop: 'the incident Prometheus holds only the injected history' }]));
    const copy = testPrometheusConfig({ cluster, alertmanagers: [engines.alertmanagerAddress], jobs, acceptHistory: historyWindow, sources: workspace });
    const spec = prometheusSpec({
      name: `reproduce-${incident.name}`,
      config: copy.config,
      files: copy.ruleFiles,
      flags: [...copy.flags, '--web.enable-admin-api'],
      alertmanagers: copy.alertmanagers,
    });
    const engine = await withProgress(write, `starting Prometheus with the canonical rules (for ÷${ruleTimeFactor}, evaluation every ${testEvaluationInterval})`, () => engines.network.start(spec));
    const api = new PrometheusApi(engine.url(9090));
    const reader = new DeliveryReader(new CaptureClient(engines.alerting.captureUrl), engines.alerting, config.receivers);

    const watches = target.alerts.map((name) => {
      const rule = inventory.find('alert', name)!;
      const boundary = alertBoundary(rule, inventory);
      const conditions = (boundary?.conditions ?? []).map((c) => ({
        expr: c.comparison.lhs.replace(/\s+/g, ' '),
        op: c.comparison.op,
        threshold: c.comparison.threshold,
        display: formatThreshold(c),
      }));
      const prefix = target.alerts.length > 1 ? `[${name}] ` : '';
      const printer = new TimelinePrinter((line) => write(`${prefix}${line}`), liveTime);
      const words = boundary ? describeBoundary(boundary, notificationVerb(rule, config)) : `${name}: no comparison with a number in its expression`;
      return { watch: new AlertWatch(rule, conditions, config, printer, liveTime, pollMs + evaluationMs), printer, words, measured: conditions.length ? conditions.map((c) => c.expr) : [] };
    });
    const clock = `real seconds since the incident was injected; for ÷${ruleTimeFactor} and routing timers ÷${ruleTimeFactor}, PromQL windows as written; polled every ${pollMs} ms (Prometheus evaluates every ${testEvaluationInterval}); pending, firing and resolved at the evaluation time Prometheus stamped in ALERTS, which a loaded Prometheus may run later than stamped`;
    for (const w of watches)
      w.printer.header({
        boundary: w.words,
        rule: { file: w.watch.rule.file, line: w.watch.rule.line, expr: w.watch.rule.expr.trim(), for: w.watch.rule.for },
        source: `${incident.file}: ${incident.description.trim()}`,
        mode: 'live',
        modeReason: options.reason,
        clock,
      });

    const t0 = Date.now();
    const injected = await injectHistory(api.baseUrl, incident.history, t0);
    write(`${liveTime(Date.now() - t0).padStart(9)}  injected ${injected.samples} samples of ${incident.history.length} series (cluster ${cluster})`);
    await firstPollDelay();
    let deadline = t0 + Math.max(...watches.map((w) => patienceFor(w.watch.rule)));
    let endedAt: number | undefined;
    while (Date.now() < deadline) {
      const at = Date.now() - t0;
      const [active, deliveries, values] = await Promise.all([
        api.alerts(),
        reader.list(cluster),
        Promise.all(watches.map((w) => Promise.all(w.measured.map(async (expr) => highest(await api.query(expr)))))),
      ]);
      for (const [i, w] of watches.entries()) {
        // State events come from what Prometheus recorded, read when a poll sees the state move.
        if (w.watch.observe(at, active, values[i]!)) w.watch.recorded(at, await readRecordedStates(api, w.watch.rule.name, t0, evaluationMs));
        w.watch.delivered(at, deliveries);
      }
      if (endedAt === undefined && watches.every((w) => w.watch.firingDelivered)) {
        endedAt = Date.now() - t0;
        await endIncident(api);
        write(`${liveTime(endedAt).padStart(9)}  ■ incident over: its series deleted (admin API), so the condition stops holding`);
        deadline = Date.now() + resolvePatienceMs;
      }
      if (endedAt !== undefined && watches.every((w) => w.watch.settled)) break;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    // A change no poll saw (pending and back between two polls) is still in the history.
    for (const w of watches) w.watch.recorded(Date.now() - t0, await readRecordedStates(api, w.watch.rule.name, t0, evaluationMs));
    for (const w of watches) w.printer.flush();
    await engine.stop();
    return watches.map((w) => ({
      alert: w.watch.rule.name,
      mode: 'live' as const,
      modeReason: options.reason,
      source: `${incident.file}: ${incident.description.trim()}`,
      boundary: w.words,
      rule: { file: w.watch.rule.file, line: w.watch.rule.line, expr: w.watch.rule.expr.trim(), for: w.watch.rule.for },
      clock,
      conditions: w.watch.conditions as Timeline['conditions'],
      evaluations: w.watch.evaluations,
      events: w.watch.events,
      deliveries: w.watch.deliveries,
      notes: [
        ...(w.watch.firingDelivered ? [] : ["not delivered before the patience ran out (the alert's scaled for plus 45 s)"]),
        ...(endedAt !== undefined && !w.watch.settled ? ['not resolved (or its resolve not delivered) within 60 s of the incident ending'] : []),
      ],
    }));
  } finally {
    await engines.stop();
  }
}

/** Tests only: a first poll as late as a loaded machine's (tests/cli/reproduce-cli.test.ts). */
async function firstPollDelay(): Promise<void> {
  const text = process.env.HARNESS_REPRODUCE_FIRST_POLL_DELAY_MS;
  if (text === undefined) return;
  if (!/^\d+$/.test(text)) throw new Error(`HARNESS_REPRODUCE_FIRST_POLL_DELAY_MS=${text}: write a whole number of milliseconds, or unset it`);
  await new Promise((resolve) => setTimeout(resolve, Number(text)));
}

const highest = (samples: { value: [number, string] }[]) => (samples.length ? Math.max(...samples.map((s) => Number(s.value[1]))) : null);

/**
 * Deletes every series of the incident Prometheus (injected history and recorded results alike)
 * but ALERTS: the alert's state history the timeline is read from (recorded-states.ts). No rule
 * reads ALERTS, so the conditions stop holding all the same.
 */
async function endIncident(api: PrometheusApi): Promise<void> {
  const res = await fetch(`${api.baseUrl}/api/v1/admin/tsdb/delete_series?match[]=${encodeURIComponent('{__name__=~".+",__name__!="ALERTS"}')}`, { method: 'POST' });
  if (res.status !== 204 && !res.ok) throw new Error(`Prometheus refused to delete the incident's series: ${res.status} ${await res.text()}`);
}
