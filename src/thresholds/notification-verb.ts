import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { routeForLabels } from '../alertmanager/route-for-labels.js';
import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';

/**
 * What an alert does to people when it fires, from where Alertmanager routes its labels:
 * `pages` (a PagerDuty receiver), `warns` (a warning to a chat channel) or `notifies`.
 */
export function notificationVerb(rule: RuleEntry, config: AlertmanagerConfig | undefined): string {
  const route = config ? routeForLabels(config.root, { ...rule.labels, alertname: rule.name }) : undefined;
  const receiver = route ? config!.receivers.find((r) => r.name === route.receiver) : undefined;
  if (receiver?.pagerduty) return 'pages';
  if (rule.labels.severity === 'critical' && !receiver) return 'pages';
  return rule.labels.severity === 'warning' ? 'warns' : 'notifies';
}
