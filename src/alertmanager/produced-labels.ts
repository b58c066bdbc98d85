import type { YamlFile } from '../sources/yaml-file.js';
import type { RuleInventory } from '../prometheus-rules/rule-inventory.js';

/** Label values alerts can carry, each with where it comes from (file:line). */
export type ProducedLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * The label values Prometheus's alerts are known to carry: `alertname` and every label an alert
 * rule sets in `labels:`, plus the external labels of prometheus.yml (`cluster`). Labels that
 * come from the series (instance, job) are not known here and are left out, so checks skip them.
 */
export function producedLabels(inventory: RuleInventory, prometheus: YamlFile): ProducedLabels {
  const produced = new Map<string, Map<string, string>>();
  const add = (name: string, value: string, where: string) => {
    const values = produced.get(name) ?? new Map<string, string>();
    if (!values.has(value)) values.set(value, where);
    produced.set(name, values);
  };
  for (const alert of inventory.alerts()) {
    const where = `${alert.file}:${alert.line}`;
    add('alertname', alert.name, where);
    for (const [name, value] of Object.entries(alert.labels)) add(name, value, where);
  }
  const external = (prometheus.data as { global?: { external_labels?: Record<string, unknown> } } | null)?.global?.external_labels ?? {};
  for (const [name, value] of Object.entries(external)) add(name, String(value), `${prometheus.file}:${prometheus.lineOf(['global', 'external_labels', name]) ?? 1}`);
  return produced;
}
