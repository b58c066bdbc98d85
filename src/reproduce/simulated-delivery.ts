import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { routeForLabels } from '../alertmanager/route-for-labels.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import type { DeliveryRecord, TimelineEvent } from './timeline.js';

/**
 * Where the canonical Alertmanager would send the alert and when, without one running: the route
 * its labels reach (first matching child, as Alertmanager does), that route's receiver, first
 * notification after group_wait, the resolved one at the next group flush (group_interval) when
 * the receiver sends resolved. The message itself is rendered only by a real Alertmanager, so
 * the summary is the alert's own `summary` annotation, said to be that.
 */
export function simulatedDeliveries(
  config: AlertmanagerConfig,
  labels: Record<string, string>,
  summary: string,
  events: readonly TimelineEvent[],
): { deliveries: DeliveryRecord[]; events: TimelineEvent[] } {
  const route = routeForLabels(config.root, labels);
  const receiver = config.receivers.find((r) => r.name === route.receiver);
  const firing = events.find((e) => e.kind === 'firing');
  if (!receiver || !firing) return { deliveries: [], events: [] };
  const integration: DeliveryRecord['integration'] = receiver.pagerduty ? 'pagerduty' : 'slack';
  const target = integration === 'pagerduty' ? 'PagerDuty (Events API v2)' : receiver.slackChannels.join(', ');
  const where = `${receiver.name} → ${target}`;
  const deliveries: DeliveryRecord[] = [];
  const out: TimelineEvent[] = [];
  const sentAt = firing.atMs + route.groupWaitMs;
  deliveries.push({ atMs: sentAt, receiver: receiver.name, integration, target, summary, resolved: false, observed: false });
  out.push({
    kind: 'delivered',
    atMs: sentAt,
    text: `would be delivered ${formatDuration(route.groupWaitMs)} later (group_wait of the route at ${config.yaml.file}:${route.line}): ${where}: "${summary}" (its summary annotation)`,
  });
  const resolved = events.find((e) => e.kind === 'resolved' && e.atMs > firing.atMs);
  if (resolved && receiver.sendsResolved.includes(integration)) {
    // The group is flushed every group_interval after its first notification; the resolve rides the first flush after it.
    const flushes = Math.ceil((resolved.atMs - sentAt) / route.groupIntervalMs);
    const at = sentAt + Math.max(1, flushes) * route.groupIntervalMs;
    deliveries.push({ atMs: at, receiver: receiver.name, integration, target, summary: `[RESOLVED] ${summary}`, resolved: true, observed: false });
    out.push({ kind: 'resolve-delivered', atMs: at, text: `resolved notification at the next group flush (group_interval ${formatDuration(route.groupIntervalMs)}): ${where}` });
  } else if (resolved) {
    out.push({ kind: 'resolve-delivered', atMs: resolved.atMs, text: `no resolved notification: ${receiver.name} does not send resolved` });
  }
  return { deliveries, events: out };
}
