import { parseDuration } from '../prometheus-rules/duration.js';
import type { RuleEntry, RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { comparisons, conditionTree, type CompareOp, type Comparison, type ConditionTree } from './condition-tree.js';
import { measuredSeries, type Measured, type MeasuredSeries } from './measured-series.js';

/** One numeric comparison of an alert, with the series it measures (when it is one). */
export interface ThresholdCondition {
  comparison: Comparison;
  measured: Measured;
  /**
   * The same bound one recording rule down, when the measured series is recorded as another
   * series scaled by numbers (`record: x:burn = x:ratio / 0.01`): editing that rule's number
   * moves the alert's boundary although the alert's own text is unchanged.
   */
  underlying?: { record: RuleEntry; series: string; op: CompareOp; threshold: number };
}

/** Where an alert starts to fire: its numeric conditions, how they combine, and its `for`. */
export interface AlertBoundary {
  rule: RuleEntry;
  tree: ConditionTree;
  conditions: ThresholdCondition[];
  forMs: number;
  /** The recording rule the comparison was found in, when the alert only reads its result. */
  via?: RuleEntry;
}

const flipped: Record<CompareOp, CompareOp> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' };

/**
 * The boundary of an alert, read from its expression (and, where the alert only reads a recorded
 * series, from that recording rule's), or undefined when nothing in it compares with a number.
 */
export function alertBoundary(rule: RuleEntry, inventory: RuleInventory): AlertBoundary | undefined {
  let tree = conditionTree(rule.expr);
  let via: RuleEntry | undefined;
  if (tree && comparisons(tree).length === 0 && tree.kind === 'other') {
    const measured = measuredSeries(tree.text);
    const record = 'selector' in measured ? inventory.find('record', measured.selector.name) : undefined;
    const inner = record ? conditionTree(record.expr) : undefined;
    if (record && inner && comparisons(inner).length) [tree, via] = [inner, record];
  }
  if (!tree) return undefined;
  const found = comparisons(tree);
  if (found.length === 0) return undefined;
  const conditions = found.map((comparison): ThresholdCondition => {
    const measured = measuredSeries(comparison.lhs);
    return { comparison, measured, underlying: 'selector' in measured ? underlying(comparison, measured, inventory) : undefined };
  });
  return { rule, tree, conditions, forMs: parseDuration(rule.for ?? '0s') ?? 0, via };
}

/** The bound on the series a recording rule scales, when the measured series is such a rule. */
function underlying(comparison: Comparison, measured: MeasuredSeries, inventory: RuleInventory): ThresholdCondition['underlying'] {
  const record = inventory.find('record', measured.selector.name);
  if (!record) return undefined;
  const inner = measuredSeries(record.expr);
  if ('reason' in inner) return undefined;
  const toInner = (c: number) => inner.toSeries(measured.toSeries(c));
  const threshold = tidy(toInner(comparison.threshold));
  // Only a real scaling is a boundary elsewhere; `record: x = y` would say the same twice.
  if (threshold === comparison.threshold && toInner(comparison.threshold + 1) === comparison.threshold + 1) return undefined;
  const decreasing = toInner(comparison.threshold + Math.max(1, Math.abs(comparison.threshold))) < threshold;
  return { record, series: inner.selector.text, op: decreasing ? flipped[comparison.op] : comparison.op, threshold };
}

/** The bound on the measured series itself: `x / 0.01 > 14.4` is `x > 0.144`. */
export function seriesBound(condition: ThresholdCondition): { op: CompareOp; threshold: number } | undefined {
  const m = condition.measured;
  if ('reason' in m) return undefined;
  const { op, threshold } = condition.comparison;
  const at = m.toSeries(threshold);
  const decreasing = m.toSeries(threshold + Math.max(1, Math.abs(threshold))) < at;
  return { op: decreasing ? flipped[op] : op, threshold: tidy(at) };
}

/** 0.14400000000000002 → 0.144: the arithmetic's last bits are not the rule's meaning. */
const tidy = (v: number) => Number(v.toPrecision(12));
