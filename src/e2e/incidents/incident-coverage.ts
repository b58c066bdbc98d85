import type { RuleEntry } from '../../prometheus-rules/rule-inventory.js';
import type { Incident } from './incident.js';

/**
 * Alerts no incident makes fire and deliver. Being inhibited does not count: an alert is covered
 * when some incident proves it reaches its receiver.
 */
export function uncoveredAlerts(incidents: readonly Incident[], alerts: readonly RuleEntry[]): RuleEntry[] {
  const delivered = new Set(incidents.flatMap((i) => i.fires.map((f) => f.alert)));
  return alerts.filter((a) => !delivered.has(a.name));
}
