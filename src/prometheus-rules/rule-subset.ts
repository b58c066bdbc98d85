import { stringify } from 'yaml';
import { metricNames } from './promql-selectors.js';
import type { RuleEntry, RuleInventory } from './rule-inventory.js';

/**
 * The rules a set of expectations depends on: the alerts they name, and every recording rule
 * those alerts (and the expectations' queries) read, transitively. Rules interact only through
 * recorded series, so evaluating just these gives the same results as evaluating all of them,
 * and promtool's cost is per rule per evaluation step: a week of simulated time against the
 * whole rule set takes a minute, against the few rules it needs a second.
 */
export function rulesNeeded(inventory: RuleInventory, alerts: Iterable<string>, queries: Iterable<string>): RuleEntry[] {
  const needed = new Set<RuleEntry>();
  const pending: string[] = [];
  for (const name of alerts) {
    const rule = inventory.find('alert', name);
    if (rule && !needed.has(rule)) {
      needed.add(rule);
      pending.push(rule.expr);
    }
  }
  pending.push(...queries);
  while (pending.length) {
    for (const metric of metricNames(pending.pop()!)) {
      const record = inventory.find('record', metric);
      if (record && !needed.has(record)) {
        needed.add(record);
        pending.push(record.expr);
      }
    }
  }
  // Same order as in the rule files.
  return inventory.rules.filter((r) => needed.has(r));
}

/** A rule file with only `rules`, in their original groups, written as promtool reads it. */
export function subsetRuleFile(inventory: RuleInventory, rules: readonly RuleEntry[]): { text: string; groups: string[] } {
  const groups = new Map<string, object[]>();
  for (const rule of rules) {
    const yaml = inventory.files.find((f) => f.file === rule.file)!;
    const raw = yaml.documents[0]!.getIn(rule.path) as { toJSON(): object };
    const key = `${rule.file}#${rule.group}`;
    groups.set(key, [...(groups.get(key) ?? []), raw.toJSON()]);
  }
  const entries = [...groups.entries()].map(([key, list]) => ({ name: key.slice(key.indexOf('#') + 1), rules: list }));
  return { text: stringify({ groups: entries }, { lineWidth: 0 }), groups: entries.map((g) => g.name) };
}
