import type { SelectorSpec } from './measured-series.js';

/** A value for a label a selector only excludes (`job!="x"`): no rule gives it meaning. */
const stranger = 'boundary-case';

/**
 * The exact label sets to inject so that each selector of one alert selects its series, and the
 * series join where the expression joins them (`and`, `or` match on identical label sets): every
 * series carries the labels the selectors pin with `=`, unless its own selector says otherwise.
 * Returns a reason instead when a matcher admits no value we can name (a regex beyond plain
 * alternatives).
 */
export function injectedLabels(selectors: readonly SelectorSpec[]): Map<SelectorSpec, Record<string, string>> | { reason: string } {
  const shared: Record<string, string> = {};
  const conflicting = new Set<string>();
  for (const s of selectors) {
    for (const m of s.matchers) {
      if (m.op !== '=') continue;
      if (shared[m.label] !== undefined && shared[m.label] !== m.value) conflicting.add(m.label);
      shared[m.label] = m.value;
    }
  }
  for (const label of conflicting) delete shared[label];
  const out = new Map<SelectorSpec, Record<string, string>>();
  for (const s of selectors) {
    const labels: Record<string, string> = { ...shared };
    for (const m of s.matchers) {
      if (m.op === '=') labels[m.label] = m.value;
      else if (m.op === '=~') {
        const choice = plainAlternative(m.value);
        if (choice === undefined) return { reason: `${s.text}: no plain value matches ${m.label}=~"${m.value}"` };
        labels[m.label] = choice;
      } else {
        const excluded = (v: string) => (m.op === '!=' ? v === m.value : new RegExp(`^(?:${m.value})$`).test(v));
        if (labels[m.label] === undefined || excluded(labels[m.label]!)) labels[m.label] = excluded(stranger) ? `${stranger}-2` : stranger;
      }
    }
    // An empty value is no label at all in Prometheus.
    for (const [k, v] of Object.entries(labels)) if (v === '') delete labels[k];
    out.set(s, labels);
  }
  return out;
}

/** `a|b` → `a`; `.+` or anything else with regex syntax → undefined. */
function plainAlternative(regex: string): string | undefined {
  const first = regex.split('|')[0]!;
  return /^[\w:./ -]*$/.test(first) ? first : undefined;
}

/** `name{a="x", b="y"}`, the form promtool's input_series take. */
export function seriesText(name: string, labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `${name}{${pairs.join(', ')}}`;
}

/** The series a selector names, whatever its offset: `x offset 1w` and `x` are one series. */
export const seriesKey = (s: SelectorSpec) => `${s.name}|${JSON.stringify([...s.matchers].sort((a, b) => (a.label < b.label ? -1 : 1)))}`;
