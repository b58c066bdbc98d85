import type { Delivery } from '../../alertmanager/deliveries.js';
import { parseDuration } from '../../prometheus-rules/duration.js';
import type { RuleEntry } from '../../prometheus-rules/rule-inventory.js';
import type { E2eObserver, InhibitionSeen } from '../e2e-observer.js';
import { ruleTimeFactor } from '../test-timing.js';
import { pollUntil } from '../../waiting/poll-until.js';
import type { FiringExpectation, Incident, InhibitedExpectation } from './incident.js';

export interface DeliverySeen {
  expectation: FiringExpectation;
  delivery: Delivery;
  /** From injection to the capture server receiving it. */
  afterMs: number;
  /** Label sets of the alert as Prometheus holds it. */
  prometheusLabels: Record<string, string>[];
}

export interface IncidentOutcome {
  deliveries: DeliverySeen[];
  inhibitions: { expectation: InhibitedExpectation; seen: InhibitionSeen }[];
  /** Alerts active (pending or firing) in the incident's Prometheus at the end. */
  active: string[];
}

/** Time an alert may take: its scaled `for`, plus evaluation, routing and a busy machine. */
export function patienceFor(rule: RuleEntry | undefined): number {
  // The slack covers evaluation, grouping and delivery: seconds idle, but 45 s was missed by
  // every incident at load 120-180 under the CPU hog. A bound only: a passing wait ends early.
  return (parseDuration(rule?.for ?? '0s') ?? 0) / ruleTimeFactor + 150_000;
}

/**
 * Watches an injected incident play out: each expected alert's first notification (waited for
 * in turn; they arrive on their own schedule meanwhile), each inhibited alert's proof of muting,
 * then the alerts left active in its Prometheus. Returns what it saw; tests judge it.
 */
export async function observeIncident(incident: Incident, observer: E2eObserver, injectedAt: number, rules: ReadonlyMap<string, RuleEntry>): Promise<IncidentOutcome> {
  const deliveries: DeliverySeen[] = [];
  for (const expectation of incident.fires) {
    const delivery = await observer.firing(expectation.alert, { timeoutMs: patienceFor(rules.get(expectation.alert)) });
    // Its arrival time, read back by its cluster: the listing holds this incident's requests only.
    const request = (await observer.capture.requests({ after: delivery.seq - 1, token: observer.cluster })).requests.find((r) => r.seq === delivery.seq);
    const prometheusLabels = await heldBy(observer, expectation.alert, patienceFor(rules.get(expectation.alert)));
    deliveries.push({ expectation, delivery, afterMs: request ? Date.parse(request.receivedAt) - injectedAt : Number.NaN, prometheusLabels });
  }
  // An incident has a Prometheus (a cluster) of its own: every delivery of its cluster is its own.
  const inhibitions = [];
  for (const expectation of incident.inhibited) {
    inhibitions.push({ expectation, seen: await observer.inhibited(expectation.alert, { after: 0, timeoutMs: patienceFor(rules.get(expectation.alert)) }) });
  }
  return { deliveries, inhibitions, active: await observer.activeAlertNames() };
}

/**
 * The alert's label sets as Prometheus holds it (pending or firing), waited for, bounded: when its
 * notification arrives, an alert can be between two firings. pool-flapping's PoolExhausted reads
 * the 5-minute average of a recording rule whose series begins with the incident's Prometheus, so
 * over its first seconds that average rests on a few samples of a pool swinging between 100% and
 * 70%, and keep_firing_for is 3 s at the test's speed. Seen at load 140 (2026-11-29), once this
 * read no longer waited behind a slow listing: Prometheus held no PoolExhausted right after its
 * notification. Empty if Prometheus does not hold it again within `timeoutMs`: the test says so.
 */
async function heldBy(observer: E2eObserver, alertname: string, timeoutMs: number): Promise<Record<string, string>[]> {
  let held: Record<string, string>[] = [];
  await pollUntil(
    async () => {
      held = (await observer.prometheus.alerts()).filter((a) => a.labels.alertname === alertname).map((a) => a.labels);
      return held.length ? held : undefined;
    },
    { timeoutMs, intervalMs: 250, what: `${alertname} active in Prometheus (cluster ${observer.cluster})` },
  ).catch(() => undefined);
  return held;
}
