import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { numberLiteral } from '../prometheus-rules/promql-selectors.js';

export type CompareOp = '>' | '<' | '>=' | '<=' | '==' | '!=';

/**
 * An alert expression read as a condition: comparisons with a number are leaves, `and` / `or` /
 * `unless` join them, anything else (a guard such as `and on(job) (x offset 1d)`, or a comparison
 * of two series) is kept as text. Read from PromQL's syntax tree, never from the text.
 */
export type ConditionTree = Comparison | SetOperation | OtherOperand;

export interface Comparison {
  kind: 'compare';
  /** The side that is not the number, as written: `job:x:ratio_rate1h{job="a"} / 0.01`. */
  lhs: string;
  /** Normalised so the series is on the left: `0.5 < x` reads as `x > 0.5`. */
  op: CompareOp;
  threshold: number;
  /** The number as written (`0.05`, `1e3`), for messages that quote the rule. */
  thresholdText: string;
  /** Offsets of the number inside the expression. */
  from: number;
  to: number;
}

export interface SetOperation {
  kind: 'set';
  op: 'and' | 'or' | 'unless';
  left: ConditionTree;
  right: ConditionTree;
}

export interface OtherOperand {
  kind: 'other';
  text: string;
}

const compareOps: Record<string, CompareOp> = { Gtr: '>', Lss: '<', Gte: '>=', Lte: '<=', Eql: '==', Neq: '!=' };
const setOps: Record<string, SetOperation['op']> = { And: 'and', Or: 'or', Unless: 'unless' };
/** `5 > x` is `x < 5`. */
const mirrored: Record<CompareOp, CompareOp> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' };

/** The condition tree of `expr`, or undefined when it does not parse. */
export function conditionTree(expr: string): ConditionTree | undefined {
  const tree = parser.parse(expr);
  let broken = false;
  tree.iterate({ enter: (n) => void (n.type.isError && (broken = true)) });
  if (broken) return undefined;
  const top = tree.topNode.firstChild;
  return top ? read(top, expr) : undefined;
}

function read(node: SyntaxNode, expr: string): ConditionTree {
  const text = () => expr.slice(node.from, node.to).trim();
  if (node.name === 'ParenExpr' && node.firstChild) return read(node.firstChild, expr);
  if (node.name !== 'BinaryExpr') return { kind: 'other', text: text() };
  const children: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
  const operator = children.find((c) => c.name in compareOps || c.name in setOps);
  const operands = children.filter((c) => c !== operator && !['BoolModifier', 'MatchingModifierClause'].includes(c.name));
  if (!operator || operands.length !== 2) return { kind: 'other', text: text() };
  const [left, right] = operands as [SyntaxNode, SyntaxNode];
  if (operator.name in setOps) return { kind: 'set', op: setOps[operator.name]!, left: read(left, expr), right: read(right, expr) };
  // `x > bool 0.5` returns 0 or 1 for every series: it never filters, so it is no threshold.
  if (children.some((c) => c.name === 'BoolModifier')) return { kind: 'other', text: text() };
  const number = (n: SyntaxNode) => numberLiteral(expr.slice(n.from, n.to).replace(/^\((.*)\)$/s, '$1'));
  const [l, r] = [number(left), number(right)];
  const op = compareOps[operator.name]!;
  if (r !== undefined && l === undefined) return comparison(left, op, right, r, expr);
  if (l !== undefined && r === undefined) return comparison(right, mirrored[op], left, l, expr);
  return { kind: 'other', text: text() };
}

function comparison(series: SyntaxNode, op: CompareOp, literal: SyntaxNode, threshold: number, expr: string): Comparison {
  return { kind: 'compare', lhs: expr.slice(series.from, series.to).trim(), op, threshold, thresholdText: expr.slice(literal.from, literal.to).trim(), from: literal.from, to: literal.to };
}

/** The numeric comparisons of a tree, left to right: the alert's thresholds. */
export function comparisons(tree: ConditionTree): Comparison[] {
  if (tree.kind === 'compare') return [tree];
  if (tree.kind === 'set') return [...comparisons(tree.left), ...comparisons(tree.right)];
  return [];
}

/** Whether `value` passes `op threshold`, as PromQL's filter does. */
export function passes(value: number, op: CompareOp, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '<':
      return value < threshold;
    case '>=':
      return value >= threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}
