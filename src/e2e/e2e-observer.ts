import { AlertmanagerApi, type GettableAlert } from '../alertmanager/alertmanager-api.js';
import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { DeliveryReader, deliveryMentions, isResolvedDelivery, type Delivery } from '../alertmanager/deliveries.js';
import { CaptureClient } from '../capture/capture-client.js';
import { PrometheusApi } from './prometheus-api.js';
import type { AlertingStackInfo } from '../stacks/alerting-stack.js';
import { pollUntil } from '../waiting/poll-until.js';
import { routeForLabels } from '../alertmanager/route-for-labels.js';

/** What the inhibition check saw: the muted alert, the alerts that muted it, and any delivery that leaked. */
export interface InhibitionSeen {
  target: GettableAlert;
  sources: GettableAlert[];
  leaks: Delivery[];
  /** Every delivery of the cluster after `after`, in arrival order: whether the source arrived before a leak. */
  delivered: Delivery[];
  /** The cluster's alerts as Alertmanager listed them: each startsAt is when Prometheus fired it. */
  listed: GettableAlert[];
}

/**
 * Watches one Prometheus (one `cluster`) through the whole path: its own alert list, the shared
 * Alertmanager's view of the cluster's alerts, and what the receivers got at the capture server.
 * Every wait is bounded; the caller's test asserts on what comes back.
 */
export class E2eObserver {
  readonly prometheus: PrometheusApi;
  readonly alertmanager: AlertmanagerApi;
  readonly deliveries: DeliveryReader;
  readonly capture: CaptureClient;

  constructor(
    readonly stack: AlertingStackInfo,
    private readonly config: AlertmanagerConfig,
    prometheusUrl: string,
    readonly cluster: string,
  ) {
    this.prometheus = new PrometheusApi(prometheusUrl);
    this.alertmanager = new AlertmanagerApi(stack.alertmanagerUrl);
    this.capture = new CaptureClient(stack.captureUrl);
    this.deliveries = new DeliveryReader(this.capture, stack, config.receivers);
  }

  /** The first firing notification about `alertname` in this cluster (after capture seq `after`). */
  firing(alertname: string, options: { after?: number; timeoutMs: number }): Promise<Delivery> {
    return this.deliveries.waitFor(this.cluster, (d) => deliveryMentions(d, alertname) && !isResolvedDelivery(d), {
      ...options,
      what: `a notification of ${alertname} firing in cluster ${this.cluster}`,
    });
  }

  /** The resolved notification about `alertname` that follows `firing`. */
  resolved(alertname: string, firing: Delivery, timeoutMs: number): Promise<Delivery> {
    return this.deliveries.waitFor(this.cluster, (d) => deliveryMentions(d, alertname) && isResolvedDelivery(d), {
      after: firing.seq,
      timeoutMs,
      what: `${alertname} resolved in cluster ${this.cluster}`,
    });
  }

  /** Names of the alerts Prometheus holds active (pending or firing), sorted, without repeats. */
  async activeAlertNames(): Promise<string[]> {
    return [...new Set((await this.prometheus.alerts()).map((a) => a.labels.alertname!))].sort();
  }

  /** Waits until Prometheus reports `alertname` firing. */
  async firingInPrometheus(alertname: string, timeoutMs: number): Promise<void> {
    let seen: unknown;
    await pollUntil(
      async () => {
        const alerts = await this.prometheus.alerts();
        seen = alerts.map((a) => `${a.labels.alertname} ${a.state}`);
        return alerts.some((a) => a.labels.alertname === alertname && a.state === 'firing') ? true : undefined;
      },
      { timeoutMs, intervalMs: 200, what: `${alertname} to fire in Prometheus (cluster ${this.cluster})` },
      () => seen,
    );
  }

  /**
   * Proves `alertname` is inhibited rather than merely quiet: Prometheus fires it, Alertmanager
   * lists it as suppressed by alerts of this cluster, and no receiver gets it while its route
   * flushes its group (group_wait, then one group_interval, at the stack's speed). A delivery
   * after capture seq `after` (the scenario's start: an earlier test's deliveries are not this
   * scenario's leaks) comes back in `leaks` at once.
   */
  async inhibited(alertname: string, options: { after: number; timeoutMs: number }): Promise<InhibitionSeen> {
    const { after, timeoutMs } = options;
    await this.firingInPrometheus(alertname, timeoutMs);
    let listed: GettableAlert[] = [];
    const target = await pollUntil(
      async () => {
        listed = await this.alertmanager.alerts([`cluster="${this.cluster}"`]);
        const found = listed.find((a) => a.labels.alertname === alertname);
        return found && found.status.state !== 'unprocessed' ? found : undefined;
      },
      { timeoutMs, intervalMs: 200, what: `Alertmanager to list ${alertname} of cluster ${this.cluster}` },
      () => listed.map((a) => ({ alertname: a.labels.alertname, status: a.status })),
    );
    const sources = listed.filter((a) => target.status.inhibitedBy.includes(a.fingerprint));
    const route = routeForLabels(this.config.root, target.labels);
    const settleMs = (route.groupWaitMs + route.groupIntervalMs) / this.stack.timeFactor + 1000;
    const settled = Date.now() + settleMs;
    let delivered: Delivery[] = [];
    const leaks = await pollUntil(
      async () => {
        delivered = await this.deliveries.list(this.cluster, after);
        const found = delivered.filter((d) => deliveryMentions(d, alertname));
        return found.length || Date.now() >= settled ? found : undefined;
      },
      { timeoutMs: settleMs + 10_000, intervalMs: 200, what: `${alertname}'s group to be flushed (muted) in cluster ${this.cluster}` },
    );
    return { target, sources, leaks, delivered, listed };
  }
}
