import type { PostableAlert } from '../alertmanager/alertmanager-api.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { loadRuleInventory, type RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { renderedAnnotations } from './rendered-annotations.js';

/** One alert rule firing for many series at once. */
export interface StormPart {
  /** An alert of the canonical rule files (monitoring/alert_rules.yml). */
  rule: string;
  count: number;
  /** The series labels of the i-th alert (1-based): job, instance, mountpoint, ... */
  series: (i: number) => Record<string, string>;
  /** `$value` as the rule's annotations print it ("0", "97.3%"). */
  value: string;
}

/** Where links in the alerts point: Prometheus as compose names it (its --web.external-url). */
const prometheusUrl = 'http://prometheus:9090';

/**
 * The alerts Prometheus would send for `part` in `cluster`: the rule's labels and rendered
 * annotations, the series labels, the external `cluster` label, and a generatorURL built as
 * Prometheus builds it (util/strutil/strconv.go TableLinkForExpression: `/graph?g0.expr=<query
 * escaped>&g0.tab=1` after the external URL), so each alert is as long as a real one.
 */
export function stormAlerts(part: StormPart, cluster: string, inventory: RuleInventory = canonicalRules()): PostableAlert[] {
  const rule = inventory.find('alert', part.rule);
  if (!rule) throw new Error(`the storm names alert ${part.rule}, which no rule of ${inventory.files.map((f) => f.file).join(', ')} defines`);
  const generatorURL = `${prometheusUrl}/graph?${new URLSearchParams({ 'g0.expr': rule.expr.trim() })}&g0.tab=1`;
  return Array.from({ length: part.count }, (_, k) => {
    const labels = { ...part.series(k + 1), ...rule.labels, alertname: rule.name, cluster };
    return { labels, annotations: renderedAnnotations(rule, labels, part.value), generatorURL };
  });
}

let cached: RuleInventory | undefined;
function canonicalRules(): RuleInventory {
  cached ??= loadRuleInventory(prometheusSettings().ruleFiles);
  return cached;
}
