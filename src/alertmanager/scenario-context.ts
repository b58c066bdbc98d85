import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { loadAlertmanagerConfig } from './alertmanager-config.js';
import type { ScenarioContext } from './load-routing-scenarios.js';

/** The alert rules prometheus.yml loads and the receivers of alertmanager.yml, for checking scenarios. */
export function canonicalScenarioContext(): ScenarioContext {
  const inventory = loadRuleInventory(prometheusSettings().ruleFiles);
  const alerts = new Map(inventory.alerts().map((r) => [r.name, { labels: r.labels, annotations: r.annotations, where: `${r.file}:${r.line}` }]));
  return { alerts, receivers: loadAlertmanagerConfig().receivers };
}
