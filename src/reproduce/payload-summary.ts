import type { Delivery } from '../alertmanager/deliveries.js';

/**
 * One line for a notification as its reader first sees it: a Slack message's fallback (title and
 * summary, what a phone shows), a PagerDuty event's summary and severity.
 */
export function payloadSummary(d: Delivery): string {
  if (d.kind === 'webhook') return `webhook ${d.message.status}: ${d.message.alerts.length} alert(s) of ${d.message.commonLabels.alertname ?? 'several alerts'}`;
  if (d.kind === 'pagerduty') return `${d.event.event_action} ${d.event.payload.severity}: ${d.event.payload.summary}`;
  return (d.attachment.fallback || d.attachment.title || d.attachment.text).split('\n')[0]!;
}
