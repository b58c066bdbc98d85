import { parseDuration } from '../../prometheus-rules/duration.js';
import { metricNames } from '../../prometheus-rules/promql-selectors.js';
import type { RuleEntry } from '../../prometheus-rules/rule-inventory.js';
import type { InjectedSeries } from './incident.js';

export interface LiveRecordingConflict {
  recorded: InjectedSeries;
  source: InjectedSeries;
  windowMs: number;
}

/**
 * An injected recording-rule series that Prometheus would also write itself during the incident:
 * the series is injected from the moment of injection on, and a metric its rule reads (directly
 * or through other recording rules) has samples inside the rule's window by then. Two writers in
 * one series mix 250 ms live samples with the injected step, and `sum_over_time` over it no
 * longer weighs time evenly. Returns the first such pair, or undefined.
 */
export function liveRecordingConflict(history: readonly InjectedSeries[], records: ReadonlyMap<string, RuleEntry>): LiveRecordingConflict | undefined {
  for (const recorded of history) {
    const rule = records.get(recorded.labels.__name__!);
    if (!rule || !recorded.samples.some((s) => s.offsetMs >= 0)) continue;
    const { sources, windowMs } = readsOf(rule, records);
    for (const source of history) {
      if (source !== recorded && sources.has(source.labels.__name__!) && source.samples.some((s) => s.offsetMs > -windowMs)) return { recorded, source, windowMs };
    }
  }
  return undefined;
}

/** Every metric a recording rule reads, through other recording rules too, and its widest window (at least the 5m lookback). */
function readsOf(rule: RuleEntry, records: ReadonlyMap<string, RuleEntry>): { sources: Set<string>; windowMs: number } {
  const sources = new Set<string>();
  let windowMs = 5 * 60_000;
  const pending = [rule];
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const match of next.expr.matchAll(/\[([0-9a-z]+)(?::[0-9a-z]*)?\]/g)) windowMs = Math.max(windowMs, parseDuration(match[1]!) ?? 0);
    for (const name of metricNames(next.expr)) {
      if (sources.has(name)) continue;
      sources.add(name);
      const deeper = records.get(name);
      if (deeper) pending.push(deeper);
    }
  }
  return { sources, windowMs };
}
