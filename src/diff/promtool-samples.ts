import type { Sample } from '../prometheus-rules/promtool-failure.js';

export type { Sample };

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
