import { ConfigError } from '../sources/config-error.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import type { RuleInventory } from '../prometheus-rules/rule-inventory.js';
import type { ScenarioFile } from '../prometheus-rules/scenario.js';
import { alertBoundary, type AlertBoundary } from '../thresholds/alert-boundary.js';
import { boundaryCases, predictedFiring, type BoundaryCases } from '../thresholds/boundary-cases.js';
import { describeBoundaryChange, formatThreshold } from '../thresholds/boundary-words.js';
import { seriesKey } from '../thresholds/injected-labels.js';
import { notificationVerb } from '../thresholds/notification-verb.js';
import { canonicalExpr } from './canonical-expr.js';
import type { ConfigSide } from './config-side.js';
import { expectationKey, sideError, type SideRuleRun } from './rule-outcomes.js';

/** An alert whose boundary (numbers, comparisons, `for`) differs between the sides, in words and by generated cases. */
export interface ThresholdChange {
  alert: string;
  /** `HighErrorRate: pages from > 10% (was > 5%), after 5m (unchanged)`. */
  words: string;
  base?: { file: string; line: number; exprLine: number; expr: string; for?: string };
  head?: { file: string; line: number; exprLine: number; expr: string; for?: string };
  /** Generated boundary cases whose outcome differs between the sides, at each time it does. */
  cases: { name: string; at: string; atMs: number; base: boolean; head: boolean }[];
  /** Every generated case and time, for the chart: the value the measured series was held at and each side's threshold. */
  chart: { atMs: number[]; thresholds: { base?: number; head?: number }; cases: { name: string; value: number | undefined; label: string; base: boolean[]; head: boolean[] }[] };
  notes: string[];
}

export interface ThresholdPlan {
  /** Generated scenarios both sides run, beside the working tree's. */
  scenarios: ScenarioFile[];
  alerts: { name: string; base?: AlertBoundary; head?: AlertBoundary; cases: BoundaryCases; verb: string; sides: Record<'base' | 'head', ConfigSide> }[];
}

export const generatedPrefix = 'generated/';

/**
 * Before the runs: each side's rules read into boundaries (no promtool), the alerts whose boundary
 * differs, and boundary cases generated from both sides' boundaries, to run on both sides.
 */
export function planThresholds(base: ConfigSide, head: ConfigSide): ThresholdPlan {
  const [b, h] = [inventoryOf(base), inventoryOf(head)];
  const step = head.workspace.prometheus().evaluationIntervalMs;
  let config;
  try {
    config = head.workspace.alertmanager();
  } catch {
    config = undefined; // the routing part of the diff reports a broken alertmanager.yml; words fall back to severity
  }
  const names = [...new Set([...b.alerts(), ...h.alerts()].map((r) => r.name))];
  const alerts: ThresholdPlan['alerts'] = [];
  for (const name of names) {
    const [rb, rh] = [b.find('alert', name), h.find('alert', name)];
    const [bb, bh] = [rb && alertBoundary(rb, b), rh && alertBoundary(rh, h)];
    if ((!bb && !bh) || key(bb) === key(bh)) continue;
    alerts.push({ name, base: bb, head: bh, cases: boundaryCases(name, { base: bb, head: bh }, step), verb: notificationVerb((rh ?? rb)!, config), sides: { base, head } });
  }
  return { scenarios: alerts.flatMap((a) => (a.cases.scenario ? [a.cases.scenario] : [])), alerts };
}

/** After the runs: each planned alert's words, and the generated cases whose outcome differs. */
export function thresholdChanges(plan: ThresholdPlan, base: SideRuleRun, head: SideRuleRun): ThresholdChange[] {
  return plan.alerts.map((a) => {
    const notes = [...a.cases.notes];
    const cases: ThresholdChange['cases'] = [];
    const chartCases: ThresholdChange['chart']['cases'] = [];
    for (const c of a.cases.cases) {
      const firing = (run: SideRuleRun, atMs: number) => {
        const e = c.case.expect.find((x) => x.atMs === atMs)!;
        const outcome = run.outcomes.get(expectationKey({ scenario: a.cases.scenario!, case: c.case, expectation: e }));
        return outcome !== undefined && !outcome.passed;
      };
      const value = comparedValue(a.head ?? a.base, c.values);
      const condition = (a.head ?? a.base)?.conditions[0];
      const row = { name: c.name, value, label: value !== undefined && condition ? formatThreshold(condition, value) : c.name, base: [] as boolean[], head: [] as boolean[] };
      for (const atMs of a.cases.times) {
        const [fb, fh] = [firing(base, atMs), firing(head, atMs)];
        row.base.push(fb);
        row.head.push(fh);
        if (fb !== fh) cases.push({ name: c.name, at: formatDuration(atMs), atMs, base: fb, head: fh });
        for (const [side, boundary, fired] of [
          ['base', a.base, fb],
          ['head', a.head, fh],
        ] as const) {
          if (predictedFiring(boundary, c, atMs, a.cases.stepMs) !== fired)
            notes.push(
              `"${c.name}" at ${formatDuration(atMs)} ${fired ? 'fired' : 'stayed silent'} on ${side}, against what its boundary reads: the words above may miss part of the expression; the hand-written scenarios still decide`,
            );
        }
      }
      chartCases.push(row);
    }
    const snapshot = (boundary: AlertBoundary | undefined, side: ConfigSide) =>
      boundary && { file: side.display(boundary.rule.file), line: boundary.rule.line, exprLine: boundary.rule.exprLine, expr: canonicalExpr(boundary.rule.expr), for: boundary.rule.for };
    const threshold = (boundary: AlertBoundary | undefined) => boundary?.conditions[0]?.comparison.threshold;
    return {
      alert: a.name,
      words: describeBoundaryChange(a.base, a.head, a.verb),
      base: snapshot(a.base, a.sides.base),
      head: snapshot(a.head, a.sides.head),
      cases,
      chart: { atMs: a.cases.times, thresholds: { base: threshold(a.base), head: threshold(a.head) }, cases: chartCases },
      notes,
    };
  });
}

/** The first condition's compared value in a case (`x / 0.01` for `x / 0.01 > 14.4`), for the chart. */
function comparedValue(boundary: AlertBoundary | undefined, values: BoundaryCases['cases'][number]['values']): number | undefined {
  const measured = boundary?.conditions[0]?.measured;
  if (!measured || 'reason' in measured) return undefined;
  const held = values.get(seriesKey(measured.selector));
  return held && measured.toCompared(held.value);
}

function inventoryOf(side: ConfigSide): RuleInventory {
  try {
    return side.workspace.rules();
  } catch (error) {
    if (error instanceof ConfigError) throw sideError(side, error);
    throw error;
  }
}

/** What decides where an alert fires: each condition (what it measures, how, against what), how they combine, `for`. */
function key(b: AlertBoundary | undefined): string {
  if (!b) return 'none';
  const conditions = b.conditions.map((c) => [canonicalExpr(c.comparison.lhs), c.comparison.op, c.comparison.threshold, c.underlying?.op, c.underlying?.threshold]);
  return JSON.stringify([conditions, b.forMs, shape(b.tree)]);
}

const shape = (t: AlertBoundary['tree']): unknown => (t.kind === 'set' ? [t.op, shape(t.left), shape(t.right)] : t.kind === 'other' ? canonicalExpr(t.text) : '?');
