import { parser } from '@prometheus-io/lezer-promql';

/**
 * An expression as Prometheus runs it, for comparing two sides: `# comments` dropped and runs of
 * blank space outside string literals made one space, so reflowing or commenting a rule is not
 * a change. Token spacing otherwise stays as written (`by(job)` and `by (job)` differ).
 */
export function canonicalExpr(expr: string): string {
  const skip: [number, number][] = [];
  const literal: [number, number][] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.name === 'LineComment') skip.push([node.from, node.to]);
      if (node.name === 'StringLiteral') literal.push([node.from, node.to]);
    },
  });
  const inside = (ranges: [number, number][], i: number) => ranges.some(([from, to]) => i >= from && i < to);
  let out = '';
  for (let i = 0; i < expr.length; i++) {
    if (inside(skip, i)) continue;
    const ch = expr[i]!;
    if (/\s/.test(ch) && !inside(literal, i)) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out.trim();
}
