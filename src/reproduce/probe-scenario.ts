import { parser } from '@prometheus-io/lezer-promql';
import { parseDuration } from '../prometheus-rules/duration.js';
import type { RuleEntry, RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { rulesNeeded } from '../prometheus-rules/rule-subset.js';
import type { QueryExpectation, ScenarioCase, ScenarioFile } from '../prometheus-rules/scenario.js';

/** Evaluations probed at most: beyond this the probes thin out (every 2nd, 3rd... evaluation). */
const maxProbes = 600;
/** Prometheus's default lookback: a series is seen this long after its last sample. */
const lookbackMs = 5 * 60_000;

export interface Probes {
  scenario: ScenarioFile;
  /** Probe times, ms of simulated time. */
  times: number[];
  /** Per time: the expectation reading ALERTS, then one per measured expression. */
  at: Map<number, { alerts: QueryExpectation; values: QueryExpectation[] }>;
  stepMs: number;
  thinned: boolean;
}

/**
 * The case's own input, with a probe at each evaluation: `ALERTS{alertname="X"}` (pending or
 * firing, which promtool's alert tests cannot see) and each measured expression. Every probe
 * expects nothing, so promtool prints whatever it found, and one promtool run gives the whole
 * timeline. It runs past the input's end until the windows the rules read have emptied, so the
 * alert gets the chance to resolve.
 */
export function probeScenario(rule: RuleEntry, inventory: RuleInventory, c: ScenarioCase, measured: readonly string[], evaluationIntervalMs: number): Probes {
  const stepMs = c.evaluationIntervalMs ?? evaluationIntervalMs;
  const lastSampleMs = Math.max(...c.series.map((s) => (sampleCount(s.values) - 1) * c.intervalMs));
  const reach = Math.max(lookbackMs, ...rulesNeeded(inventory, [rule.name], []).map((r) => longestWindow(r.expr)));
  const horizon = Math.max(lastSampleMs + reach + (parseDuration(rule.for ?? '0s') ?? 0) + stepMs, ...c.expect.map((e) => e.atMs));
  const steps = Math.floor(horizon / stepMs);
  const stride = Math.max(1, Math.ceil(steps / maxProbes));
  const times: number[] = [];
  for (let k = 0; k <= steps; k += stride) times.push(k * stepMs);
  let line = 0;
  const at = new Map<number, { alerts: QueryExpectation; values: QueryExpectation[] }>();
  const probe = (atMs: number, query: string): QueryExpectation => ({ kind: 'query', line: ++line, atMs, query, samples: [] });
  for (const t of times) at.set(t, { alerts: probe(t, `ALERTS{alertname="${rule.name}"}`), values: measured.map((m) => probe(t, m)) });
  // One alert test puts the alert rule itself in the compiled rule file (compile-scenarios.ts takes only the rules expectations name).
  const expect = [...[...at.values()].flatMap((p) => [p.alerts, ...p.values]), { kind: 'alert' as const, line: ++line, atMs: times.at(-1)!, alert: rule.name, alerts: [] }];
  const probed: ScenarioCase = { ...c, line: 0, evaluationIntervalMs: stepMs, expect };
  return { scenario: { file: `generated/reproduce/${rule.name}`, subject: { kind: 'alert', name: rule.name, line: 1 }, cases: [probed] }, times, at, stepMs, thinned: stride > 1 };
}

/** Samples promtool expands `values` to: `a+bxn` and `axn` are n+1, `_xn` n, others one. */
export function sampleCount(values: string): number {
  let n = 0;
  for (const token of values.trim().split(/\s+/)) {
    const repeat = /x(\d+)$/.exec(token);
    if (!repeat) n += 1;
    else n += token.startsWith('_') ? Number(repeat[1]) : Number(repeat[1]) + 1;
  }
  return n;
}

/** The longest range window or offset an expression reads, from its syntax tree. */
export function longestWindow(expr: string): number {
  let longest = 0;
  parser.parse(expr).iterate({
    enter(node) {
      if (node.name !== 'DurationExpr' && node.name !== 'OffsetDurationExpr') return;
      longest = Math.max(longest, parseDuration(expr.slice(node.from, node.to).trim()) ?? 0);
    },
  });
  return longest;
}
