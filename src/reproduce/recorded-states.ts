import type { MatrixSeries, PrometheusApi } from '../e2e/prometheus-api.js';
import type { Evaluation } from './timeline.js';
import { stateOf } from './timeline-states.js';

export type AlertsSeries = MatrixSeries;
export type RecordedState = Pick<Evaluation, 'atMs' | 'state'>;

/**
 * The alert's state at each step from `startMs` to `endMs`, as Prometheus recorded it, from
 * `timestamp(ALERTS{alertname="X"})` read by query_range. Every evaluation writes one ALERTS
 * sample per pending or firing alert, labelled alertstate="pending" or "firing", at the
 * evaluation's timestamp (Prometheus v3.5.3 rules/alerting.go:229-238 `sample`, appended for every
 * active alert at :518-520), and a stale marker for a series the evaluation no longer returns
 * (rules/group.go:620-623), so a step reads the latest evaluation's state and a resolved alert's
 * series is gone from the next step on. timestamp() of a plain selector gives the sample's own
 * time, not the step's (promql/engine.go:1705-1715, functions.go:1171-1180): pending and firing
 * are placed at the evaluation that wrote them, inactive at the step (within one interval of the
 * evaluation whose stale marker we cannot read). `atMs` counts from `startMs`.
 *
 * An evaluation is stamped with its slot, not the moment it ran (rules/group.go:263-270, a tick
 * stamps `evalTimestamp`, the slot, then evaluates): on a loaded machine it runs later, so a
 * resolve caused by the incident's end can be stamped a little before the end was printed.
 */
export function recordedStates(series: readonly AlertsSeries[], range: { startMs: number; endMs: number; stepMs: number }): RecordedState[] {
  const byStep = new Map<number, { labels: Record<string, string>; writtenMs: number }[]>();
  for (const s of series)
    for (const [seconds, value] of s.values) {
      const stepMs = Math.round(seconds * 1000);
      byStep.set(stepMs, [...(byStep.get(stepMs) ?? []), { labels: s.metric, writtenMs: Math.round(Number(value) * 1000) }]);
    }
  const states: RecordedState[] = [];
  for (let k = 0; range.startMs + k * range.stepMs <= range.endMs; k++) {
    const stepMs = range.startMs + k * range.stepMs;
    const samples = byStep.get(stepMs) ?? [];
    const state = stateOf(samples);
    const written = samples.find((s) => s.labels.alertstate === state)?.writtenMs;
    states.push({ atMs: (written ?? stepMs) - range.startMs, state });
  }
  return states;
}

/**
 * Reads the alert's recorded states from `startMs` (the incident's start) to now, a step per
 * evaluation interval. The incident's end deletes every series but ALERTS, so this history stays
 * whole to the resolve (live-timelines.ts, endIncident).
 */
export async function readRecordedStates(api: PrometheusApi, alertname: string, startMs: number, stepMs: number): Promise<RecordedState[]> {
  const range = rangeThroughNow(startMs, Date.now(), stepMs);
  const series = await api.queryRange(`timestamp(ALERTS{alertname="${alertname}"})`, range.startMs, range.endMs, range.stepMs);
  return recordedStates(series, range);
}

/**
 * Steps from `startMs` with the last one at or after `nowMs`: query_range evaluates at
 * start + k·step only, so a range ending at now would stop up to a step before it and miss the
 * evaluation that just made the poll see a new state. A step past now reads the latest sample
 * like now does. query_range refuses more than 11,000 steps a series; a run that long reads coarser
 * steps.
 */
export function rangeThroughNow(startMs: number, nowMs: number, stepMs: number): { startMs: number; endMs: number; stepMs: number } {
  const step = Math.max(stepMs, Math.ceil((nowMs - startMs) / 11_000));
  return { startMs, endMs: startMs + Math.ceil((nowMs - startMs) / step) * step, stepMs: step };
}
