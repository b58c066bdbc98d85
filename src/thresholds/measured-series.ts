import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { parseDuration } from '../prometheus-rules/duration.js';
import { numberLiteral } from '../prometheus-rules/promql-selectors.js';

export interface LabelMatch {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** One vector selector: `job:x:ratio_rate5m{job="timetable-app"} offset 1d`. */
export interface SelectorSpec {
  text: string;
  name: string;
  matchers: LabelMatch[];
  offsetMs: number;
}

/**
 * What the left side of a comparison measures, when it is one series scaled by numbers
 * (`x`, `x / 0.01`, `100 * x`): the series, and the arithmetic between the series' value and the
 * compared value, both ways. Boundary cases hold that series at a chosen value.
 */
export interface MeasuredSeries {
  selector: SelectorSpec;
  /** The compared value for a series value. */
  toCompared(seriesValue: number): number;
  /** The series value that gives a compared value. */
  toSeries(comparedValue: number): number;
}

export type Measured = MeasuredSeries | { reason: string };

const arithmetic: Record<string, string> = { Add: '+', Sub: '-', Mul: '*', Div: '/' };

/** Reads `lhs` (PromQL text) as a scaled series, or says why it is not one. */
export function measuredSeries(lhs: string): Measured {
  const top = parser.parse(lhs).topNode.firstChild;
  return top ? read(top, lhs) : { reason: 'an empty expression' };
}

function read(node: SyntaxNode, text: string): Measured {
  const src = (n: SyntaxNode) => text.slice(n.from, n.to);
  if (node.name === 'ParenExpr' && node.firstChild) return read(node.firstChild, text);
  if (node.name === 'VectorSelector') return plain(selector(node, text, 0));
  if (node.name === 'OffsetExpr' && node.firstChild?.name === 'VectorSelector') {
    const duration = node.getChild('OffsetDurationExpr');
    const ms = duration ? parseDuration(src(duration).trim()) : undefined;
    if (ms === undefined) return { reason: `an offset this reader does not know: ${src(node)}` };
    return plain(selector(node.firstChild, text, ms));
  }
  if (node.name === 'FunctionCall') return { reason: `computed by ${src(node.firstChild!)}() from other series` };
  if (node.name === 'AggregateExpr') return { reason: `an aggregation (${src(node.firstChild!)}) of other series` };
  if (node.name !== 'BinaryExpr') return { reason: `not a series scaled by numbers: ${flat(src(node))}` };
  const children: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
  const operator = children.find((c) => c.name in arithmetic);
  const operands = children.filter((c) => c !== operator && c.name !== 'MatchingModifierClause');
  if (!operator || operands.length !== 2) return { reason: `not a series scaled by numbers: ${flat(src(node))}` };
  const op = arithmetic[operator.name]!;
  const [a, b] = operands as [SyntaxNode, SyntaxNode];
  const [ka, kb] = [numberLiteral(src(a).replace(/^\((.*)\)$/s, '$1')), numberLiteral(src(b).replace(/^\((.*)\)$/s, '$1'))];
  if (ka === undefined && kb === undefined) return { reason: `a combination of two series (${flat(src(node))})` };
  if (ka !== undefined && kb !== undefined) return { reason: 'a constant' };
  const inner = read(ka === undefined ? a : b, text);
  if ('reason' in inner) return inner;
  const k = (ka ?? kb)!;
  const seriesFirst = ka === undefined;
  // compared = f(inner); the inverse of each step, so a chosen compared value maps back to the series.
  const [forward, inverse] = step(op, k, seriesFirst);
  return { selector: inner.selector, toCompared: (v) => forward(inner.toCompared(v)), toSeries: (c) => inner.toSeries(inverse(c)) };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function step(op: string, k: number, seriesFirst: boolean): [(v: number) => number, (c: number) => number] {
  if (op === '+') return [(v) => v + k, (c) => c - k];
  if (op === '*') return [(v) => v * k, (c) => c / k];
  if (op === '-') return seriesFirst ? [(v) => v - k, (c) => c + k] : [(v) => k - v, (c) => k - c];
  return seriesFirst ? [(v) => v / k, (c) => c * k] : [(v) => k / v, (c) => k / c];
}

const plain = (selector: SelectorSpec): MeasuredSeries => ({ selector, toCompared: (v) => v, toSeries: (c) => c });

function selector(node: SyntaxNode, text: string, offsetMs: number): SelectorSpec {
  const id = node.getChild('Identifier');
  const matchers: LabelMatch[] = [];
  let name = id ? text.slice(id.from, id.to) : '';
  const list = node.getChild('LabelMatchers');
  for (let m = list?.firstChild ?? null; m; m = m.nextSibling) {
    const label = m.getChild('LabelName');
    const op = m.getChild('MatchOp');
    const value = m.getChild('StringLiteral');
    if (!label || !op || !value) continue;
    const match: LabelMatch = { label: text.slice(label.from, label.to), op: text.slice(op.from, op.to) as LabelMatch['op'], value: unquote(text.slice(value.from, value.to)) };
    if (match.label === '__name__' && match.op === '=') name = match.value;
    else matchers.push(match);
  }
  return { text: text.slice(node.from, node.to), name, matchers, offsetMs };
}

/** PromQL string literals: double, single or back quotes; the first two take Go escapes. */
function unquote(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  const body = literal.slice(1, -1).replace(/\\'/g, "'");
  try {
    return JSON.parse(`"${body.replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return body;
  }
}
