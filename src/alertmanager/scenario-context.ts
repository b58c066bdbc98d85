import { loadRuleInventory, type RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { type ReceiverEntry, loadAlertmanagerConfig } from './alertmanager-config.js';
import type { ScenarioContext } from './load-routing-scenarios.js';

/** What routing scenarios are checked against: the alert rules of `inventory` and these receivers. */
export function scenarioContext(inventory: RuleInventory, receivers: readonly ReceiverEntry[]): ScenarioContext {
  const alerts = new Map(inventory.alerts().map((r) => [r.name, { labels: r.labels, annotations: r.annotations, where: `${r.file}:${r.line}` }]));
  return { alerts, receivers };
}

/** The same for the repository: the alert rules prometheus.yml loads and the receivers of alertmanager.yml. */
export function canonicalScenarioContext(): ScenarioContext {
  return scenarioContext(loadRuleInventory(prometheusSettings().ruleFiles), loadAlertmanagerConfig().receivers);
}
