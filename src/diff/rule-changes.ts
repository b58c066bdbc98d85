import { parseDuration } from '../prometheus-rules/duration.js';
import type { RuleEntry, RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { canonicalExpr } from './canonical-expr.js';
import type { ConfigSide } from './config-side.js';

/** A rule as one side defines it, with the lines a reader opens. */
export interface RuleSnapshot {
  file: string;
  line: number;
  exprLine: number;
  /** Comments and line breaks folded away (canonical-expr.ts): a reflowed expression is the same expression. */
  expr: string;
  for?: string;
  forLine?: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export type RuleField = 'expr' | 'for' | 'labels' | 'annotations';

export interface RuleChange {
  kind: RuleEntry['kind'];
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: what differs. */
  fields: RuleField[];
  base?: RuleSnapshot;
  head?: RuleSnapshot;
}

/** `alert|HighErrorRate|0`: the nth rule of that kind and name (an alert name may be used twice). */
export const ruleId = (kind: string, name: string, nth = 0) => `${kind}|${name}|${nth}`;

/**
 * Rules added, removed or redefined between the sides, matched by kind, name and order of
 * appearance. Comments, quoting and line breaks do not count; what Prometheus would run does.
 */
export function ruleChanges(base: { side: ConfigSide; inventory: RuleInventory }, head: { side: ConfigSide; inventory: RuleInventory }): Map<string, RuleChange> {
  const before = snapshots(base.side, base.inventory);
  const after = snapshots(head.side, head.inventory);
  const changes = new Map<string, RuleChange>();
  for (const [id, { entry, snapshot }] of before) {
    const other = after.get(id);
    if (!other) {
      changes.set(id, { kind: entry.kind, name: entry.name, change: 'removed', fields: [], base: snapshot });
      continue;
    }
    const fields = changedFields(snapshot, other.snapshot);
    if (fields.length) changes.set(id, { kind: entry.kind, name: entry.name, change: 'changed', fields, base: snapshot, head: other.snapshot });
  }
  for (const [id, { entry, snapshot }] of after) {
    if (!before.has(id)) changes.set(id, { kind: entry.kind, name: entry.name, change: 'added', fields: [], head: snapshot });
  }
  return changes;
}

function snapshots(side: ConfigSide, inventory: RuleInventory): Map<string, { entry: RuleEntry; snapshot: RuleSnapshot }> {
  const out = new Map<string, { entry: RuleEntry; snapshot: RuleSnapshot }>();
  const seen = new Map<string, number>();
  for (const entry of inventory.rules) {
    const nth = seen.get(`${entry.kind}|${entry.name}`) ?? 0;
    seen.set(`${entry.kind}|${entry.name}`, nth + 1);
    const yaml = inventory.files.find((f) => f.file === entry.file);
    const forLine = entry.for === undefined ? undefined : yaml?.lineOf([...entry.path, 'for']);
    out.set(ruleId(entry.kind, entry.name, nth), {
      entry,
      snapshot: {
        file: side.display(entry.file),
        line: entry.line,
        exprLine: entry.exprLine,
        expr: canonicalExpr(entry.expr),
        for: entry.for,
        forLine,
        labels: entry.labels,
        annotations: entry.annotations,
      },
    });
  }
  return out;
}

function changedFields(a: RuleSnapshot, b: RuleSnapshot): RuleField[] {
  const same = (x: Record<string, string>, y: Record<string, string>) => JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
  const fields: RuleField[] = [];
  if (a.expr !== b.expr) fields.push('expr');
  // `5m` and `300s` are the same wait.
  if ((parseDuration(a.for ?? '0s') ?? a.for) !== (parseDuration(b.for ?? '0s') ?? b.for)) fields.push('for');
  if (!same(a.labels, b.labels)) fields.push('labels');
  if (!same(a.annotations, b.annotations)) fields.push('annotations');
  return fields;
}
