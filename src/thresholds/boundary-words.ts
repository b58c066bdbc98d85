import { formatDuration } from '../prometheus-rules/duration.js';
import type { AlertBoundary, ThresholdCondition } from './alert-boundary.js';
import type { ConditionTree } from './condition-tree.js';

/** What reaching the boundary does, in on-call words: `pages`, `warns`, `notifies`. */
export type Verb = string;

/**
 * A value as people read it, from what the series measures (its name): ratios as percentages,
 * seconds with an `s`, anything else as the number. Only for a plain series: `x / 0.01 > 14.4`
 * is a multiple, not a ratio.
 */
export function formatThreshold(condition: ThresholdCondition, value = condition.comparison.threshold): string {
  const m = condition.measured;
  const plain = 'selector' in m && m.toCompared(1) === 1 && m.toCompared(2) === 2;
  // Words of the name (`job:http_request_errors:ratio_rate5m`): `duration` is no ratio.
  const words = plain ? m.selector.name.split(/[_:]/) : [];
  if (words.includes('ratio')) return `${round(value * 100)}%`;
  if (words.includes('seconds')) return `${round(value)}s`;
  return round(value);
}

const bound = (c: ThresholdCondition) => `${c.comparison.op} ${formatThreshold(c)}`;

/** `HighLatency: warns from > 1s, after 5m`: one side's boundary, for the reproduce header. */
export function describeBoundary(boundary: AlertBoundary, verb: Verb): string {
  return `${boundary.rule.name}: ${verb} ${conditionWords(boundary, undefined)}, ${forWords(boundary.forMs)}`;
}

/**
 * How the boundary moved between two sides, in the words a reviewer wants:
 * `HighErrorRate: pages from > 10% (was > 5%), after 5m (unchanged)`.
 */
export function describeBoundaryChange(base: AlertBoundary | undefined, head: AlertBoundary | undefined, verb: Verb): string {
  if (!head) return `${base!.rule.name}: removed (${verb.replace(/s$/, 'd')} ${conditionWords(base!, undefined)}, ${forWords(base!.forMs)})`;
  if (!base) return `${head.rule.name}: new, ${verb} ${conditionWords(head, undefined)}, ${forWords(head.forMs)}`;
  const forPart = base.forMs === head.forMs ? `${forWords(head.forMs)} (unchanged)` : `${forWords(head.forMs)} (was ${formatFor(base.forMs)})`;
  return `${head.rule.name}: ${verb} ${conditionWords(head, base)}, ${forPart}`;
}

/** `from > 10% (was > 5%)` for one condition; `when a > 1 (was > 2) and b < 3` for several. */
function conditionWords(side: AlertBoundary, was: AlertBoundary | undefined): string {
  const before = (i: number) => was?.conditions[i];
  const change = (c: ThresholdCondition, i: number) => {
    const old = before(i);
    if (!was) return '';
    if (!old) return ' (new)';
    if (bound(old) !== bound(c)) return ` (was ${bound(old)})`;
    const [u, v] = [c.underlying, old.underlying];
    if (u && v && (u.threshold !== v.threshold || u.op !== v.op))
      return ` (unchanged), but ${u.record.name} now makes it ${u.series} ${u.op} ${round(u.threshold)} (was ${v.op} ${round(v.threshold)})`;
    return was.conditions.length === side.conditions.length && side.conditions.length === 1 ? ' (unchanged)' : '';
  };
  const only = side.conditions.length === 1 ? side.conditions[0]! : undefined;
  const [guards, oldGuards] = [guardsOf(side.tree), was ? guardsOf(was.tree) : undefined];
  if (only && guards && (!was || oldGuards) && ['>', '<', '>=', '<='].includes(only.comparison.op) && !(was && was.conditions.length > 1)) {
    // A series that must merely have data (`and on(job) (x offset 1d)`) is part of the boundary too.
    const kept = guards.filter((g) => !oldGuards || oldGuards.includes(g)).map((g) => `, only while ${g} has data`);
    const added = oldGuards ? guards.filter((g) => !oldGuards.includes(g)).map((g) => `, now only while ${g} has data (new)`) : [];
    const dropped = oldGuards ? oldGuards.filter((g) => !guards.includes(g)).map((g) => `, no longer waiting for ${g} to have data`) : [];
    return `from ${bound(only)}${change(only, 0)}${[...kept, ...added, ...dropped].join('')}`;
  }
  let index = 0;
  const render = (tree: ConditionTree, parent?: string): string => {
    if (tree.kind === 'set') {
      const text = `${render(tree.left, tree.op)} ${tree.op} ${render(tree.right, tree.op)}`;
      return parent && parent !== tree.op ? `(${text})` : text;
    }
    if (tree.kind === 'other') return `(${tree.text.replace(/\s+/g, ' ')})`;
    const c = side.conditions[index]!;
    return `${c.comparison.lhs.replace(/\s+/g, ' ')} ${bound(c)}${change(c, index++)}`;
  };
  const removed =
    was && was.conditions.length > side.conditions.length
      ? ` (${was.conditions.length - side.conditions.length} condition${was.conditions.length - side.conditions.length === 1 ? '' : 's'} fewer than before)`
      : '';
  return `when ${render(side.tree)}${removed}`;
}

/**
 * The plain-series operands an alert's single comparison is `and`-ed with (its guards), as
 * written; undefined when the tree is anything else (then the whole tree is put in words).
 */
function guardsOf(tree: ConditionTree): string[] | undefined {
  if (tree.kind === 'compare') return [];
  if (tree.kind === 'other') return undefined;
  if (tree.op !== 'and') return undefined;
  const sides = [tree.left, tree.right];
  const compares = sides.filter((t) => t.kind === 'compare' || t.kind === 'set');
  if (compares.length !== 1) return undefined;
  const inner = guardsOf(compares[0]!);
  const other = sides.find((t) => t.kind === 'other');
  return inner && other?.kind === 'other' ? [...inner, other.text.replace(/\s+/g, ' ')] : undefined;
}

const round = (v: number) => String(Number(v.toPrecision(6)));
const formatFor = (ms: number) => (ms === 0 ? 'at once' : formatDuration(ms));
const forWords = (ms: number) => (ms === 0 ? 'at once' : `after ${formatDuration(ms)}`);
