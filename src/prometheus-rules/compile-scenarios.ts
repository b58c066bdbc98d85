import { basename } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import { formatDuration } from './duration.js';
import type { RuleInventory } from './rule-inventory.js';
import { rulesNeeded, subsetRuleFile } from './rule-subset.js';
import type { PrometheusEngine } from './prometheus-engine.js';
import { holdsOn, type Expectation, type ScenarioCase, type ScenarioFile } from './scenario.js';

/** One expectation of one case, found again from promtool's output. */
export interface ExpectationRef {
  scenario: ScenarioFile;
  case: ScenarioCase;
  expectation: Expectation;
}

export interface CompiledSuite {
  /** Files to write side by side: `*.test.yml` (given to promtool) and the `*.rules.yml` they load. */
  files: { name: string; text: string }[];
  /** `group|alertname|ms` → the expectation, for alert failures (promtool prints all three). */
  alertIndex: Map<string, ExpectationRef>;
  /** marker → the expectation, for query failures (the marker rides along in the expr). */
  queryIndex: Map<string, ExpectationRef>;
  /** The engine it was compiled for: its promtool must run it. */
  engine: PrometheusEngine;
}

export interface CompileOptions {
  inventory: RuleInventory;
  /** prometheus.yml's evaluation interval, for cases that do not set their own. */
  evaluationIntervalMs: number;
  /** Expectations of the other major are left out; floats compare as its promtool can. */
  engine: PrometheusEngine;
}

export const alertKey = (group: string, alertname: string, atMs: number) => `${group}|${alertname}|${atMs}`;
/** promtool names a failing alert test by its group; ours is the case's file:line. */
export const groupName = (scenario: ScenarioFile, c: ScenarioCase) => `${scenario.file}:${c.line}`;
const marker = (scenario: ScenarioFile, e: Expectation) => `${scenario.file}:${e.line}`;

/**
 * An expectation between two evaluations would silently test the evaluation before it:
 * alerts change state only when rules are evaluated.
 */
export function evaluationTimeError(scenario: ScenarioFile, defaultEvaluationMs: number): ConfigError | undefined {
  for (const c of scenario.cases) {
    const step = c.evaluationIntervalMs ?? defaultEvaluationMs;
    const off = c.expect.find((e) => e.atMs % step !== 0);
    if (off)
      return new ConfigError(
        scenario.file,
        `at: ${formatDuration(off.atMs)} falls between evaluations (every ${formatDuration(step)})`,
        `rules are evaluated every ${formatDuration(step)}: pick a multiple of it`,
        off.line,
      );
  }
  return undefined;
}

/**
 * Compiles scenarios to promtool's test format: per scenario and evaluation interval, a test
 * file and a rule file holding just the rules its expectations depend on (see rule-subset.ts).
 * The test files then go to promtool in runs of at most 40 files (run-rule-tests.ts).
 */
export function compileScenarios(scenarios: readonly ScenarioFile[], options: CompileOptions): CompiledSuite {
  const alertIndex = new Map<string, ExpectationRef>();
  const queryIndex = new Map<string, ExpectationRef>();
  const files: CompiledSuite['files'] = [];
  const groups = new Set<string>();
  scenarios.forEach((scenario, n) => {
    const byInterval = new Map<number, ScenarioCase[]>();
    for (const c of scenario.cases) {
      const ms = c.evaluationIntervalMs ?? options.evaluationIntervalMs;
      byInterval.set(ms, [...(byInterval.get(ms) ?? []), c]);
    }
    for (const [ms, cases] of byInterval) {
      const expectations = cases.flatMap((c) => c.expect.filter((e) => holdsOn(e, options.engine.major)));
      const rules = rulesNeeded(
        options.inventory,
        expectations.flatMap((e) => (e.kind === 'alert' ? [e.alert] : [])),
        expectations.flatMap((e) => (e.kind === 'query' ? [e.query] : [])),
      );
      const subset = subsetRuleFile(options.inventory, rules);
      const base = `${String(n).padStart(3, '0')}-${basename(scenario.file).replace(/\.ya?ml$/, '')}-every-${formatDuration(ms)}`;
      const tests = cases.map((c) => {
        // Cases written on one line (flow style) share file:line; a suffix keeps them apart.
        let group = groupName(scenario, c);
        for (let k = 2; groups.has(group); k++) group = `${groupName(scenario, c)}#${k}`;
        groups.add(group);
        return compileCase(scenario, c, group, options.engine, alertIndex, queryIndex);
      });
      // Recording groups first, so an alert reads the value recorded at the same evaluation
      // (promtool otherwise orders groups by name; Prometheus runs them independently).
      const recording = new Set(rules.filter((r) => r.kind === 'record').map((r) => r.group));
      const order = [...subset.groups.filter((g) => recording.has(g)), ...subset.groups.filter((g) => !recording.has(g))];
      files.push({ name: `${base}.rules.yml`, text: subset.text });
      files.push({
        name: `${base}.test.yml`,
        // fuzzy_compare: the last bit of a float depends on the order of additions, which
        // changes between releases; promtool 3.5+ can compare within one ULP, as we want.
        text: stringify(
          {
            rule_files: [`${base}.rules.yml`],
            evaluation_interval: formatDuration(ms),
            ...(options.engine.fuzzyCompare ? { fuzzy_compare: true } : {}),
            ...(order.length ? { group_eval_order: order } : {}),
            tests,
          },
          { lineWidth: 0 },
        ),
      });
    }
  });
  return { files, alertIndex, queryIndex, engine: options.engine };
}

function compileCase(scenario: ScenarioFile, c: ScenarioCase, group: string, engine: PrometheusEngine, alertIndex: CompiledSuite['alertIndex'], queryIndex: CompiledSuite['queryIndex']): object {
  const alertTests: object[] = [];
  const queryTests: object[] = [];
  for (const e of c.expect.filter((x) => holdsOn(x, engine.major))) {
    const evalTime = formatDuration(e.atMs);
    if (e.kind === 'alert') {
      alertIndex.set(alertKey(group, e.alert, e.atMs), { scenario, case: c, expectation: e });
      alertTests.push({ eval_time: evalTime, alertname: e.alert, exp_alerts: e.alerts.map((a) => ({ exp_labels: a.labels, exp_annotations: a.annotations })) });
    } else {
      // Expectations written on one line (flow style) share file:line; a suffix keeps them apart.
      let ref = marker(scenario, e);
      for (let n = 2; queryIndex.has(ref); n++) ref = `${marker(scenario, e)}#${n}`;
      queryIndex.set(ref, { scenario, case: c, expectation: e });
      // round() to a multiple of `precision`: a value computed, not written, needs a tolerance
      // wider than one ULP (0.1 + 0.2 != 0.3), and 2.x promtool has none at all.
      const expr = e.precision === undefined ? e.query : `round(${e.query}, ${e.precision})`;
      queryTests.push({ expr: `${expr}\n# ${ref}`, eval_time: evalTime, exp_samples: e.samples.map((s) => ({ labels: seriesString(s.labels, e), value: toNumber(s.value) })) });
    }
  }
  return {
    name: group,
    interval: formatDuration(c.intervalMs),
    input_series: c.series.map((s) => ({ series: s.selector, values: s.values })),
    ...(alertTests.length ? { alert_rule_test: alertTests } : {}),
    ...(queryTests.length ? { promql_expr_test: queryTests } : {}),
  };
}

/** `{__name__: x, job: a}` → `x{job="a"}`, the form promtool's exp_samples take. */
function seriesString(labels: Record<string, string>, e: Expectation): string {
  const { __name__: explicit, ...rest } = labels;
  // A plain selector's results keep its metric name; any other expression's results have none.
  const selected = e.kind === 'query' && e.precision === undefined ? /^\s*([a-zA-Z_:][\w:]*)\s*(\{[^}]*\})?\s*$/.exec(e.query)?.[1] : undefined;
  const name = explicit ?? selected ?? '';
  const pairs = Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${name}{${pairs.join(', ')}}`;
}

function toNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  return value === '-Inf' ? -Infinity : Infinity;
}
