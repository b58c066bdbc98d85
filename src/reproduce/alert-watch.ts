import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { deliveryMentions, isResolvedDelivery, type Delivery } from '../alertmanager/deliveries.js';
import type { PrometheusAlert } from '../e2e/prometheus-api.js';
import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';
import { payloadSummary } from './payload-summary.js';
import type { AlertState, DeliveryRecord, Evaluation, TimelineCondition, TimelineEvent } from './timeline.js';
import type { TimelinePrinter } from './timeline-printer.js';

/**
 * One alert followed on live engines: each poll's measured values and state, the state changes
 * as events, and the notifications about it as the capture server received them.
 */
export class AlertWatch {
  readonly evaluations: Evaluation[] = [];
  readonly events: TimelineEvent[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  private state: AlertState = 'inactive';
  private readonly seen = new Set<number>();

  constructor(
    readonly rule: RuleEntry,
    readonly conditions: readonly TimelineCondition[],
    private readonly config: AlertmanagerConfig,
    private readonly printer: TimelinePrinter,
    private readonly time: (ms: number) => string,
  ) {}

  /** One poll: Prometheus's active alerts of this name and the measured values at `atMs`. */
  observe(atMs: number, active: readonly PrometheusAlert[], values: (number | null)[]): void {
    const mine = active.filter((a) => a.labels.alertname === this.rule.name);
    const state: AlertState = mine.some((a) => a.state === 'firing') ? 'firing' : mine.length ? 'pending' : 'inactive';
    const evaluation = { atMs, values, state };
    this.evaluations.push(evaluation);
    this.printer.evaluation(evaluation, this.conditions);
    if (state === this.state) return;
    const when = this.time(atMs);
    const text =
      state === 'pending'
        ? `pending at ${when}: the condition holds, waiting out for (${this.rule.for ?? '0s'} ÷100)`
        : state === 'firing'
          ? `firing at ${when}`
          : this.state === 'firing'
            ? `resolved at ${when}: the condition no longer holds`
            : `back to inactive at ${when} before for ran out`;
    this.record({ kind: state === 'inactive' ? 'resolved' : state, atMs, text });
    this.state = state;
  }

  /** Notifications of this run's cluster that name this alert and were not seen before. */
  delivered(atMs: number, all: readonly Delivery[]): void {
    for (const d of all) {
      if (this.seen.has(d.seq) || !deliveryMentions(d, this.rule.name)) continue;
      this.seen.add(d.seq);
      const resolved = isResolvedDelivery(d);
      const target = d.kind === 'slack' ? d.channel : d.kind === 'webhook' ? 'webhook (heartbeat)' : 'PagerDuty (Events API v2)';
      const record: DeliveryRecord = {
        atMs,
        receiver: d.receiver,
        integration: d.kind,
        target,
        summary: payloadSummary(d),
        resolved,
        observed: true,
        payload: d.kind === 'slack' ? { channel: d.channel, username: d.username, attachments: [d.attachment] } : d.kind === 'webhook' ? d.message : d.event,
      };
      this.deliveries.push(record);
      this.record({ kind: resolved ? 'resolve-delivered' : 'delivered', atMs, text: `${resolved ? 'resolved notification' : 'delivered'}: ${d.receiver} → ${target}: ${record.summary}` });
    }
  }

  get firingDelivered(): boolean {
    return this.deliveries.some((d) => !d.resolved);
  }

  /** Resolved in Prometheus, and its resolve delivered where the receiver sends one. */
  get settled(): boolean {
    if (this.state !== 'inactive' || !this.events.some((e) => e.kind === 'resolved')) return false;
    const first = this.deliveries.find((d) => !d.resolved);
    const receiver = first && this.config.receivers.find((r) => r.name === first.receiver);
    return !receiver?.sendsResolved.includes(first!.integration) || this.deliveries.some((d) => d.resolved);
  }

  private record(e: TimelineEvent): void {
    this.events.push(e);
    this.printer.event(e);
  }
}
