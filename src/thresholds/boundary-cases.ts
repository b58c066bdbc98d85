import { formatDuration } from '../prometheus-rules/duration.js';
import type { ScenarioCase, ScenarioFile } from '../prometheus-rules/scenario.js';
import type { AlertBoundary } from './alert-boundary.js';
import { assignment, conditionHolds, operandSeries, type Assignment } from './boundary-assignment.js';
import { formatThreshold } from './boundary-words.js';
import { injectedLabels, seriesKey, seriesText } from './injected-labels.js';

/** A boundary case and what it was made for, to predict and describe its outcome per side. */
export interface BoundaryCase {
  name: string;
  /** The side whose boundary it straddles. */
  from: string;
  values: Assignment;
  case: ScenarioCase;
}

export interface BoundaryCases {
  alert: string;
  /** A scenario of the generated cases, run like the hand-written ones; absent when none could be made. */
  scenario?: ScenarioFile;
  cases: BoundaryCase[];
  /** Evaluation times of every case: one step before and at each side's `for`, after the offsets the alert reads. */
  times: number[];
  /** Evaluation interval of the cases: the configured one, coarser when the alert reads far into the past. */
  stepMs: number;
  /** Why no (or fewer) cases could be generated, for the report. */
  notes: string[];
}

/** Simulated time a case may take: a week-old offset would cost promtool a week of steps. */
const maxLeadMs = 24 * 3600_000;

/**
 * Boundary cases generated from the rules themselves, for one alert on each side given
 * (`{base, head}` in the diff): for each numeric condition, the measured series held just above
 * and just below its threshold (the other conditions clearly met), then the condition clearly met,
 * each checked one evaluation before and at `for`. A threshold edit then shows even where no
 * hand-written scenario sits between the two values.
 */
export function boundaryCases(alert: string, sides: Record<string, AlertBoundary | undefined>, evaluationIntervalMs: number): BoundaryCases {
  const notes: string[] = [];
  const cases: Omit<BoundaryCase, 'case'>[] = [];
  const seen = new Set<string>();
  let leadMs = 0;
  const present = Object.entries(sides).filter((e): e is [string, AlertBoundary] => e[1] !== undefined);
  for (const [side, boundary] of present) {
    const operands = operandSeries(boundary);
    if ('reason' in operands) {
      notes.push(`${side}: no boundary cases: ${operands.reason}`);
      continue;
    }
    const add = (name: string, values: Assignment | undefined) => {
      if (!values) return notes.push(`${side}: "${name}" would need one series at two values; left out`);
      const key = JSON.stringify([...values.entries()].sort().map(([k, v]) => [k, v.value]));
      if (seen.has(key)) return;
      seen.add(key);
      cases.push({ name, from: side, values });
      for (const { selector } of values.values()) leadMs = Math.max(leadMs, selector.offsetMs);
    };
    boundary.conditions.forEach((c, index) => {
      const { op, threshold } = c.comparison;
      const epsilon = threshold === 0 ? 0.001 : Math.abs(threshold) * 0.001;
      const label = (value: number) => `${formatThreshold(c, value)}`;
      const what = `${side}'s ${op} ${formatThreshold(c)}`;
      const pairs: [string, number][] =
        op === '==' || op === '!='
          ? [
              [`at ${what}`, threshold],
              [`off ${what}`, threshold + (threshold === 0 ? 1 : Math.abs(threshold))],
            ]
          : [
              [`just above ${what}`, threshold + epsilon],
              [`just below ${what}`, threshold - epsilon],
            ];
      const prefix = boundary.conditions.length > 1 ? `${c.comparison.lhs.replace(/\s+/g, ' ')} ` : '';
      for (const [name, value] of pairs) add(`${prefix}${label(value)}, ${name}`, assignment(boundary, operands, { index, value }));
    });
    add(`every condition clearly met (${side})`, assignment(boundary, operands));
  }
  if (leadMs > maxLeadMs)
    return {
      alert,
      cases: [],
      times: [],
      stepMs: evaluationIntervalMs,
      notes: [...notes, `no boundary cases: the alert reads ${formatDuration(leadMs)} in the past, more simulated time than a diff should spend`],
    };
  const stepMs = caseStep(
    evaluationIntervalMs,
    leadMs,
    present.map(([, b]) => b.forMs),
  );
  const lead = Math.ceil(leadMs / stepMs) * stepMs;
  const times = [...new Set(present.flatMap(([, b]) => [b.forMs - stepMs, b.forMs].filter((t) => t >= 0).map((t) => lead + Math.ceil(t / stepMs) * stepMs)))].sort((a, b) => a - b);
  if (cases.length === 0 || times.length === 0) return { alert, cases: [], times, stepMs, notes };

  const samples = Math.round(times.at(-1)! / stepMs) + 1;
  const built: BoundaryCase[] = [];
  for (const [k, c] of cases.entries()) {
    const labels = injectedLabels([...c.values.values()].map((v) => v.selector));
    if ('reason' in labels) {
      notes.push(`no boundary cases: ${labels.reason}`);
      return { alert, cases: [], times, stepMs, notes };
    }
    const line = (k + 1) * 100;
    const series = [...c.values.values()].map((v, j) => ({ selector: seriesText(v.selector.name, labels.get(v.selector)!), values: `${number(v.value)}x${samples - 1}`, line: line + 50 + j }));
    const expect = times.map((atMs, j) => ({ kind: 'alert' as const, line: line + j + 1, atMs, alert, alerts: [] }));
    built.push({ ...c, case: { name: c.name, line, intervalMs: stepMs, evaluationIntervalMs: stepMs, series, expect } });
  }
  return { alert, scenario: { file: `generated/boundary-cases/${alert}`, subject: { kind: 'alert', name: alert, line: 1 }, cases: built.map((b) => b.case) }, cases: built, times, stepMs, notes };
}

/**
 * The evaluation interval for the cases: the configured one, unless the alert reads a day back
 * (`offset 1d`), where a day of 15 s steps would cost promtool seconds per case. Then the
 * coarsest of a few intervals (at most the 5m lookback, so a sample is always in view) that keeps
 * the lead under 500 steps, preferring one that divides every `for` (so "at for" is exact).
 */
function caseStep(configured: number, leadMs: number, fors: readonly number[]): number {
  const candidates = [configured, 30_000, 60_000, 120_000, 300_000].filter((c) => c >= configured && c % configured === 0);
  const short = candidates.filter((c) => leadMs / c <= 500);
  return short.find((c) => fors.every((f) => f % c === 0)) ?? short[0] ?? candidates.at(-1)!;
}

/** Whether `boundary` predicts the alert firing in this case at `atMs`: the condition holds, and has for `for`. */
export function predictedFiring(boundary: AlertBoundary | undefined, c: BoundaryCase, atMs: number, stepMs: number): boolean {
  if (!boundary || !conditionHolds(boundary, c.values)) return false;
  // The condition holds once every series this side reads is in view: an offset series a
  // time `offset` after its first sample. Series only the other side reads do not delay it.
  const operands = operandSeries(boundary);
  const read = 'reason' in operands ? [] : [...operands.measured.flatMap((m) => (m ? [m.selector] : [])), ...operands.guards.values()];
  const lead = Math.max(0, ...read.filter((s) => c.values.has(seriesKey(s))).map((s) => Math.ceil(s.offsetMs / stepMs) * stepMs));
  return atMs >= lead + boundary.forMs;
}

/** Plain decimal notation promtool reads: no exponent for ordinary values. */
function number(v: number): string {
  const text = String(Number(v.toPrecision(12)));
  return /e/.test(text) ? v.toFixed(20).replace(/0+$/, '') : text;
}
