import { prometheusSettings } from './prometheus-config.js';
import { loadRuleInventory, type RuleInventory } from './rule-inventory.js';

/** The rules Prometheus really loads: the rule files prometheus.yml names. */
export function canonicalRules(): RuleInventory {
  return loadRuleInventory(prometheusSettings().ruleFiles);
}
