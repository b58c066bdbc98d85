import type { ParsedAlert } from '../prometheus-rules/promtool-failure.js';

/** The alerts of one name firing at one evaluation: empty when silent. */
export type AlertState = ParsedAlert[];

/** promtool adds `alertname` to every label set; the scenario and the report leave it out. */
export function withoutAlertname(alerts: readonly ParsedAlert[]): AlertState {
  return alerts.map(({ labels: { alertname: _, ...labels }, annotations }) => ({ labels, annotations }));
}

const sortedPairs = (map: Record<string, string>) =>
  Object.keys(map)
    .sort()
    .map((k) => [k, map[k]]);
const labelKey = (a: ParsedAlert) => JSON.stringify(sortedPairs(a.labels));
const alertKey = (a: ParsedAlert) => JSON.stringify([sortedPairs(a.labels), sortedPairs(a.annotations)]);

/** Two states are the same when the same label sets fire with the same annotations. */
export function sameAlertState(a: AlertState, b: AlertState): boolean {
  return a.map(alertKey).sort().join('\n') === b.map(alertKey).sort().join('\n');
}

/** `silent`, `FIRING`, or `FIRING ×3`. */
export function stateWord(state: AlertState): string {
  if (state.length === 0) return 'silent';
  return state.length === 1 ? 'FIRING' : `FIRING ×${state.length}`;
}

/** `{job="a", severity="critical"}` */
export function renderLabels(labels: Record<string, string>): string {
  return `{${sortedPairs(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;
}

/**
 * What differs between two firing states, line by line: label sets only one side fires, and
 * for an alert both fire (same labels, or the single alert on each side), each label or
 * annotation that changed, `"old" → "new"`.
 */
export function stateChanges(base: AlertState, head: AlertState): string[] {
  if (base.length === 1 && head.length === 1) return fieldChanges(base[0]!, head[0]!);
  const out: string[] = [];
  const headByLabels = new Map(head.map((a) => [labelKey(a), a]));
  const baseByLabels = new Map(base.map((a) => [labelKey(a), a]));
  for (const a of base) {
    const other = headByLabels.get(labelKey(a));
    if (!other) out.push(`only base fires ${renderLabels(a.labels)}`);
    else out.push(...fieldChanges(a, other).map((line) => `${renderLabels(a.labels)}: ${line}`));
  }
  for (const a of head) if (!baseByLabels.has(labelKey(a))) out.push(`only head fires ${renderLabels(a.labels)}`);
  return out;
}

function fieldChanges(base: ParsedAlert, head: ParsedAlert): string[] {
  const out: string[] = [];
  const compare = (what: string, b: Record<string, string>, h: Record<string, string>) => {
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(h)])].sort()) {
      if (b[key] === h[key]) continue;
      const show = (v: string | undefined) => (v === undefined ? '(none)' : JSON.stringify(v));
      out.push(`${what} ${key}: ${show(b[key])} → ${show(h[key])}`);
    }
  };
  compare('label', base.labels, head.labels);
  compare('annotation', base.annotations, head.annotations);
  return out;
}
