import type { AlertBoundary } from './alert-boundary.js';
import { passes, type CompareOp, type ConditionTree } from './condition-tree.js';
import { seriesKey } from './injected-labels.js';
import { measuredSeries, type MeasuredSeries, type SelectorSpec } from './measured-series.js';

/** Series values (by seriesKey) that a boundary case injects, held for the whole case. */
export type Assignment = Map<string, { selector: SelectorSpec; value: number }>;

/** The series every operand of an alert reads, or why one cannot be held at a chosen value. */
export function operandSeries(boundary: AlertBoundary): { measured: (MeasuredSeries | undefined)[]; guards: Map<ConditionTree, SelectorSpec> } | { reason: string } {
  const measured: (MeasuredSeries | undefined)[] = [];
  for (const c of boundary.conditions) {
    if ('reason' in c.measured) return { reason: `${c.comparison.lhs.replace(/\s+/g, ' ')} is ${c.measured.reason}` };
    measured.push(c.measured);
  }
  const guards = new Map<ConditionTree, SelectorSpec>();
  const walk = (t: ConditionTree): string | undefined => {
    if (t.kind === 'set') return walk(t.left) ?? walk(t.right);
    if (t.kind !== 'other') return undefined;
    const m = measuredSeries(t.text);
    // A guard is a series that must merely be there; anything else (a comparison of two series) is no boundary we can hold.
    if ('reason' in m || m.toCompared(2) !== 2) return `${t.text.replace(/\s+/g, ' ')} is neither a comparison with a number nor a plain series`;
    guards.set(t, m.selector);
    return undefined;
  };
  const reason = walk(boundary.tree);
  return reason ? { reason } : { measured, guards };
}

/** A compared value that clearly meets `op threshold` (10% past it), for the conditions not under test. */
export function clearlyPast(op: CompareOp, threshold: number): number {
  const margin = threshold === 0 ? 1 : Math.abs(threshold) * 0.1;
  if (op === '>' || op === '>=') return threshold + margin;
  if (op === '<' || op === '<=') return threshold - margin;
  return op === '==' ? threshold : threshold + margin;
}

/**
 * Values that make the alert's condition hold, except condition `vary.index`, set to
 * `vary.value`: `and` needs both sides, `or` only the side holding the varied condition (the
 * other side's series stay absent), `unless` only its left side. Undefined when two conditions
 * would need one series at two values.
 */
export function assignment(
  boundary: AlertBoundary,
  operands: { measured: (MeasuredSeries | undefined)[]; guards: Map<ConditionTree, SelectorSpec> },
  vary?: { index: number; value: number },
): Assignment | undefined {
  const out: Assignment = new Map();
  let conflict = false;
  const set = (selector: SelectorSpec, value: number) => {
    const key = seriesKey(selector);
    const had = out.get(key);
    if (had && had.value !== value) conflict = true;
    out.set(key, { selector, value });
  };
  let index = 0;
  const indexes = new Map<ConditionTree, number>();
  const number = (t: ConditionTree) => {
    if (t.kind === 'compare') indexes.set(t, index++);
    if (t.kind === 'set') [t.left, t.right].forEach(number);
  };
  number(boundary.tree);
  const holds = (t: ConditionTree): boolean => (t.kind === 'compare' ? indexes.get(t) === vary?.index : t.kind === 'set' ? holds(t.left) || holds(t.right) : false);
  const fill = (t: ConditionTree) => {
    if (t.kind === 'other') return set(operands.guards.get(t)!, 1);
    if (t.kind === 'compare') {
      const i = indexes.get(t)!;
      const compared = vary?.index === i ? vary.value : clearlyPast(t.op, t.threshold);
      return set(operands.measured[i]!.selector, operands.measured[i]!.toSeries(compared));
    }
    if (t.op === 'and') [t.left, t.right].forEach(fill);
    else if (t.op === 'or') fill(vary && holds(t.right) ? t.right : t.left);
    else fill(t.left);
  };
  fill(boundary.tree);
  return conflict ? undefined : out;
}

/** Whether `boundary`'s condition holds for these held values (label matching aside). */
export function conditionHolds(boundary: AlertBoundary, values: Assignment): boolean {
  let index = 0;
  const evaluate = (t: ConditionTree): boolean => {
    if (t.kind === 'other') {
      const m = measuredSeries(t.text);
      return 'selector' in m && values.has(seriesKey(m.selector));
    }
    if (t.kind === 'compare') {
      const c = boundary.conditions[index++]!;
      if ('reason' in c.measured) return false;
      const held = values.get(seriesKey(c.measured.selector));
      return held !== undefined && passes(c.measured.toCompared(held.value), t.op, t.threshold);
    }
    const [l, r] = [evaluate(t.left), evaluate(t.right)];
    return t.op === 'and' ? l && r : t.op === 'or' ? l || r : l && !r;
  };
  return evaluate(boundary.tree);
}
