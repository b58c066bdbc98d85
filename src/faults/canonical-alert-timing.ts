import { loadAlertmanagerConfig, type RouteEntry } from '../alertmanager/alertmanager-config.js';
import { displayPath } from '../sources/repo-files.js';
import { routeForLabels } from '../alertmanager/route-for-labels.js';
import { parseDuration } from '../prometheus-rules/duration.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';

/** What decides how often one alert can page, as written in monitoring/ (production time). */
export interface CanonicalAlertTiming {
  alert: string;
  /** Where the rule is written, for messages: `monitoring/alert_rules.yml:212`. */
  at: string;
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  /** The Alertmanager route its labels reach, with its group_wait, group_interval and repeat_interval. */
  route: RouteEntry;
}

/**
 * Reads an alert's `for` and `keep_firing_for` from the canonical rule files and the route its
 * labels reach in monitoring/alertmanager.yml, so a bound a test derives from them follows the
 * configuration instead of copying its numbers. `labels` are the alert's labels at runtime
 * (`cluster` and the rule's own labels are added here).
 */
export function canonicalAlertTiming(alert: string, labels: Record<string, string> = {}): CanonicalAlertTiming {
  const inventory = loadRuleInventory(prometheusSettings().ruleFiles);
  const rule = inventory.find('alert', alert);
  if (!rule) throw new Error(`no alert ${alert} in ${prometheusSettings().ruleFiles.join(', ')}: the test names an alert the rules do not have`);
  const data = inventory.files.find((f) => f.file === rule.file)?.data as { groups: { rules: Record<string, unknown>[] }[] } | undefined;
  const raw = data?.groups[rule.path[1] as number]?.rules[rule.path[3] as number] ?? {};
  const duration = (key: 'for' | 'keep_firing_for') => {
    const text = raw[key];
    if (text === undefined) return 0;
    const ms = parseDuration(String(text));
    if (ms === undefined) throw new Error(`${displayPath(rule.file)}:${rule.line}: ${key} of ${alert} is not a duration (${String(text)})`);
    return ms;
  };
  const route = routeForLabels(loadAlertmanagerConfig().root, { alertname: alert, ...rule.labels, ...labels });
  return { alert, at: `${displayPath(rule.file)}:${rule.line}`, expr: rule.expr, forMs: duration('for'), keepFiringForMs: duration('keep_firing_for'), route };
}
