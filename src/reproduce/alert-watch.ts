import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { deliveryMentions, isResolvedDelivery, type Delivery } from '../alertmanager/deliveries.js';
import type { PrometheusAlert } from '../e2e/prometheus-api.js';
import { ruleTimeFactor } from '../e2e/test-timing.js';
import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';
import { payloadSummary } from './payload-summary.js';
import type { RecordedState } from './recorded-states.js';
import type { AlertState, DeliveryRecord, Evaluation, TimelineCondition, TimelineEvent } from './timeline.js';
import type { TimelinePrinter } from './timeline-printer.js';
import { stateEvents } from './timeline-states.js';

const stateKinds = new Set<TimelineEvent['kind']>(['pending', 'firing', 'resolved']);

/**
 * One alert followed on live engines: each poll's measured values and state (progress), the state
 * changes as events at the times Prometheus recorded them in ALERTS, and the notifications about
 * it as the capture server received them.
 */
export class AlertWatch {
  readonly evaluations: Evaluation[] = [];
  readonly events: TimelineEvent[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  /** The state Prometheus last recorded, as far as `recorded` was told. */
  private state: AlertState = 'inactive';
  /** The state the last poll saw in Prometheus's active alerts. */
  private polled: AlertState = 'inactive';
  private readonly seen = new Set<number>();

  constructor(
    readonly rule: RuleEntry,
    readonly conditions: readonly TimelineCondition[],
    private readonly config: AlertmanagerConfig,
    private readonly printer: TimelinePrinter,
    private readonly time: (ms: number) => string,
    /** A state event learned later than this after it happened is marked as read late. */
    private readonly lateAfterMs: number,
  ) {}

  /**
   * One poll: Prometheus's active alerts of this name and the measured values at `atMs`, printed as
   * progress. True when the polled state differs from the last recorded one: then the caller reads
   * the ALERTS history and hands it to `recorded`, since a poll that comes late (a loaded machine)
   * may have skipped a state or see it long after it began.
   */
  observe(atMs: number, active: readonly PrometheusAlert[], values: (number | null)[]): boolean {
    const mine = active.filter((a) => a.labels.alertname === this.rule.name);
    const state: AlertState = mine.some((a) => a.state === 'firing') ? 'firing' : mine.length ? 'pending' : 'inactive';
    const evaluation = { atMs, values, state };
    this.polled = state;
    this.evaluations.push(evaluation);
    this.printer.evaluation(evaluation, this.conditions);
    return state !== this.state;
  }

  /**
   * The state changes Prometheus recorded (recorded-states.ts) that were not told yet, printed
   * now, at the time Prometheus recorded them; one learned later than a poll and an evaluation
   * after it happened says when it was read.
   */
  recorded(learnedAtMs: number, states: readonly RecordedState[]): void {
    const told = this.events.filter((e) => stateKinds.has(e.kind)).length;
    for (const e of stateEvents(states, this.time).slice(told)) {
      const text = e.kind === 'pending' ? `${e.text} (${this.rule.for ?? '0s'} ÷${ruleTimeFactor})` : e.text;
      const late = learnedAtMs - e.atMs > this.lateAfterMs ? ` (read from ALERTS at ${this.time(learnedAtMs)})` : '';
      this.record({ ...e, text: `${text}${late}` });
    }
    this.state = states.at(-1)?.state ?? this.state;
  }

  /**
   * Notifications of this run's cluster that name this alert and were not seen before. Held back
   * while the recorded history lags what the poll saw: Prometheus v3.5.3 updates the alert's state
   * (rules/group.go:533, `rule.Eval`) and even sends it to Alertmanager (:551-553) before it appends
   * and commits that evaluation's ALERTS samples (:561-573), so a delivery seen in the same poll
   * would be printed before the firing it follows. A later poll, once the history has it, prints
   * both in order.
   */
  delivered(atMs: number, all: readonly Delivery[]): void {
    if (this.polled !== this.state) return;
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
