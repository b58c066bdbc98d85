import { parser } from '@prometheus-io/lezer-promql';

export interface MetricReference {
  name: string;
  /** Offset of the name inside the expression, for pointing at it. */
  offset: number;
}

/**
 * Every metric an expression selects, read from PromQL's syntax tree (not a regex: label
 * names, function names and strings are never mistaken for metrics). `{__name__="x"}` counts.
 */
export function metricReferences(expr: string): MetricReference[] {
  const found: MetricReference[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.name === 'VectorSelector') {
        const id = node.node.getChild('Identifier');
        if (id) found.push({ name: expr.slice(id.from, id.to), offset: id.from });
      }
      if (node.name === 'UnquotedLabelMatcher') {
        const text = expr.slice(node.from, node.to);
        const match = /^__name__\s*=\s*"([^"]+)"$/.exec(text);
        if (match) found.push({ name: match[1]!, offset: node.from });
      }
    },
  });
  return found;
}

export function metricNames(expr: string): Set<string> {
  return new Set(metricReferences(expr).map((r) => r.name));
}

/** Offset of the first syntax error in `expr`, or undefined when it parses. */
export function promqlSyntaxErrorAt(expr: string): number | undefined {
  let at: number | undefined;
  parser.parse(expr).iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  return at;
}

/** The number literal of a node's text, when the node is one (`0.05`, `14.4`, `1e3`). */
export function numberLiteral(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}
