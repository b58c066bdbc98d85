import { AlertmanagerApi, type GettableAlert } from '../alertmanager/alertmanager-api.js';
import { CaptureClient } from '../capture/capture-client.js';
import { StackControl } from '../e2e/stack-control.js';
import { PrometheusApi, type PrometheusAlert } from '../e2e/prometheus-api.js';
import { pollUntil } from '../waiting/poll-until.js';
import type { PrometheusRestartStackInfo, RestartablePrometheus } from './prometheus-restart-stack.js';
import { ReceiverTimeline, type ReceiverEvent } from './receiver-timeline.js';

/** A bound on any one wait (a restart, a `for`, a group_interval): seconds idle, minutes at load 100. */
const patienceMs = 300_000;
const alertname = 'TargetDown';

/** One raw sample of ALERTS_FOR_STATE: its value is the alert's activeAt, in whole seconds (rules/alerting.go:518-521). */
export interface ForStateSample {
  atS: number;
  activeAtS: number;
}

/**
 * One restart scenario on one of the stack's Prometheus servers: TargetDown of its node exporter,
 * driven by stopping and starting the exporter, seen from Prometheus (its alert, its
 * ALERTS_FOR_STATE samples), from Alertmanager, and from the receiver (the timeline).
 */
export class PrometheusRestartScenario {
  private prometheus: PrometheusApi;
  readonly alertmanager: AlertmanagerApi;
  readonly forMs: number;

  private constructor(
    readonly stack: PrometheusRestartStackInfo,
    readonly server: RestartablePrometheus,
    readonly timeline: ReceiverTimeline,
    private readonly control: StackControl,
  ) {
    this.prometheus = new PrometheusApi(server.url);
    this.alertmanager = new AlertmanagerApi(stack.alerting.alertmanagerUrl);
    // TargetDown's `for: 5m`, as the test copy of the rules runs it.
    this.forMs = 300_000 / stack.timing.ruleFactor;
  }

  static async start(stack: PrometheusRestartStackInfo, server: RestartablePrometheus): Promise<PrometheusRestartScenario> {
    const control = new StackControl(stack.controlUrl);
    const capture = new CaptureClient(stack.alerting.captureUrl);
    const timeline = await ReceiverTimeline.start(capture, [stack.alerting.slackPath, stack.alerting.pagerdutyPath], server.cluster);
    const scenario = new PrometheusRestartScenario(stack, server, timeline, control);
    // A restart in an earlier test maps new host ports: ask where the engine is now.
    scenario.prometheus = new PrometheusApi(await control.currentUrl(server.engine, 9090, server.url));
    return scenario;
  }

  waitFor<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
    return pollUntil(attempt, { timeoutMs: patienceMs, intervalMs: 250, what }, () => this.timeline.render());
  }

  stopTarget(): Promise<void> {
    return this.control.pause(this.server.target);
  }

  startTarget(): Promise<void> {
    return this.control.resume(this.server.target);
  }

  /** TargetDown of this server's node exporter as Prometheus holds it now, if active. */
  async alert(): Promise<PrometheusAlert | undefined> {
    return (await this.prometheus.alerts()).find((a) => a.labels.alertname === alertname && a.labels.job === 'node-exporter');
  }

  /** The same alert in Alertmanager. */
  async alertInAlertmanager(): Promise<GettableAlert | undefined> {
    return (await this.alertmanager.alerts([`alertname="${alertname}"`, `cluster="${this.server.cluster}"`]))[0];
  }

  /** TargetDown notifications the receivers got since the scenario began: `FIRING` / `RESOLVED`, in order. */
  async notifications(): Promise<ReceiverEvent[]> {
    return (await this.timeline.events()).filter((e) => e.what.includes(`] ${alertname} ·`));
  }

  async kinds(): Promise<string[]> {
    return (await this.notifications()).map((e) => /^\[(\w+)/.exec(e.what)?.[1] ?? e.what);
  }

  /**
   * docker stop (SIGTERM, compose's 10s grace) and start; resolves once the new process has run
   * its `for` restore (group.go:254-274: after its second evaluation), which it reports in
   * prometheus_rule_group_last_restore_duration_seconds (group.go:740-745), a gauge the new
   * process sets only then. `downForMs`: an outage at least that long (the fault under test, not
   * a wait for a result): the start is asked for no sooner (`startedAt`).
   */
  async restart(downForMs = 0): Promise<{ stoppedAt: number; startedAt: number; resumedAt: number; restoredAt: number }> {
    await this.control.pause(this.server.engine);
    const stoppedAt = Date.now();
    if (downForMs > 0)
      await pollUntil(async () => (Date.now() - stoppedAt >= downForMs ? true : undefined), { timeoutMs: downForMs + 60_000, intervalMs: 1000, what: `an outage of ${downForMs / 1000}s` });
    const startedAt = Date.now();
    await this.control.resume(this.server.engine);
    const resumedAt = Date.now();
    this.prometheus = new PrometheusApi(await this.control.currentUrl(this.server.engine, 9090, this.server.url));
    await this.waitFor('the restarted Prometheus to restore the `for` state of the monitoring rule group', async () => {
      const res = await fetch(`${this.prometheus.baseUrl}/metrics`, { signal: AbortSignal.timeout(30_000) });
      return /^prometheus_rule_group_last_restore_duration_seconds\{rule_group="[^"]*;monitoring"\} /m.test(await res.text()) ? true : undefined;
    });
    return { stoppedAt, startedAt, resumedAt, restoredAt: Date.now() };
  }

  /** Every raw ALERTS_FOR_STATE sample of the alert in the last `windowS` seconds, oldest first. */
  async forStateSamples(windowS = 900): Promise<ForStateSample[]> {
    const query = `ALERTS_FOR_STATE{alertname="${alertname}",job="node-exporter"}[${windowS}s]`;
    const res = await fetch(`${this.prometheus.baseUrl}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(30_000) });
    const body = (await res.json()) as { status: string; error?: string; data: { result: { values: [number, string][] }[] } };
    if (body.status !== 'success') throw new Error(`Prometheus ${query}: ${body.error}`);
    return body.data.result.flatMap((series) => series.values.map(([atS, v]) => ({ atS, activeAtS: Number(v) }))).sort((a, b) => a.atS - b.atS);
  }

  /** Samples of `up` for the node exporter that Prometheus still has from the last hour. */
  async upSamples(): Promise<number> {
    const [sample] = await this.prometheus.query('count_over_time(up{job="node-exporter"}[1h])');
    return sample ? Number(sample.value[1]) : 0;
  }
}
