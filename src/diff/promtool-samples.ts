import { parseLabelSet } from '../rules/parse-promtool-output.js';

/** One sample of a query result, as promtool prints it in a failed `promql_expr_test`. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/**
 * Reads promtool 2.42's rendering of a query result: `nil` for none, else
 * `{__name__="x", job="a"} 4E-01, {job="b"} +Inf` (Go's %E; label values quoted with escapes,
 * so commas and braces inside quotes belong to the value).
 */
export function parseSamples(text: string): Sample[] {
  const trimmed = text.trim();
  if (trimmed === 'nil' || trimmed === '' || trimmed === '[]') return [];
  const samples: Sample[] = [];
  const pattern = /(\{(?:[^"}]|"(?:[^"\\]|\\.)*")*\})\s+([^\s,]+)\s*(?:,\s*|$)/gy;
  for (let at = 0; at < trimmed.length; at = pattern.lastIndex) {
    pattern.lastIndex = at;
    const match = pattern.exec(trimmed);
    // Never guess: a rendering we cannot read would make two different results look alike.
    if (!match) throw new Error(`cannot read promtool's samples at "${trimmed.slice(at, at + 60)}" in: ${trimmed}`);
    samples.push({ labels: parseLabelSet(match[1]!), value: goFloat(match[2]!) });
  }
  return samples;
}

function goFloat(text: string): number {
  if (/^[+-]?Inf$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** `x:rate{job="a"} 0.4`: the metric name in front, as Prometheus writes a series. */
export function renderSample(s: Sample): string {
  const { __name__: name, ...rest } = s.labels;
  const pairs = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${JSON.stringify(rest[k])}`);
  return `${name ?? ''}{${pairs.join(', ')}} ${renderValue(s.value)}`;
}

function renderValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return String(v);
}

/** Samples in one order, for comparing two sides. */
export function samplesKey(samples: readonly Sample[]): string {
  return samples.map(renderSample).sort().join('\n');
}
