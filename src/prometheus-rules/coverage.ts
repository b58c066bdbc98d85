import { isAlwaysFiring } from './always-firing.js';
import { problem, type Problem } from '../check/problem.js';
import { parseDuration } from './duration.js';
import { nearestName } from '../sources/nearest-name.js';
import { metricNames } from './promql-selectors.js';
import type { RuleEntry, RuleInventory } from './rule-inventory.js';
import type { AlertExpectation, ScenarioCase, ScenarioFile } from './scenario.js';

export const coverageCheckId = 'rules/test-coverage';

/**
 * What promtool does not enforce: every rule is tested, and no test names a rule that does
 * not exist (promtool passes `exp_alerts: []` for an unknown alert). For an alert, "tested"
 * means: a case that fires it with exact labels and annotations, a case that keeps it silent
 * (just below its threshold), and, when it has `for:`, silent at one evaluation and firing at
 * the next in one case (both sides of `for`). A recording rule needs expected samples.
 */
export function coverageProblems(inventory: RuleInventory, scenarios: readonly ScenarioFile[], evaluationIntervalMs: number): Problem[] {
  return [...unknownNames(inventory, scenarios), ...untestedAlerts(inventory, scenarios, evaluationIntervalMs), ...untestedRecords(inventory, scenarios)];
}

function unknownNames(inventory: RuleInventory, scenarios: readonly ScenarioFile[]): Problem[] {
  const out: Problem[] = [];
  const names = (kind: RuleEntry['kind']) => inventory.rules.filter((r) => r.kind === kind).map((r) => r.name);
  const report = (file: string, line: number, kind: RuleEntry['kind'], name: string) => {
    const guess = nearestName(name, names(kind));
    out.push(
      problem({
        check: coverageCheckId,
        file,
        line,
        message: `the test names ${kind === 'alert' ? 'alert' : 'recording rule'} ${name}, which no rule file defines${guess ? `; did you mean ${guess}?` : ''}`,
        hint: `promtool would pass this test without checking anything: fix the name, or add the rule to ${inventory.files.map((f) => f.file).join(' / ')}`,
      }),
    );
  };
  for (const s of scenarios) {
    if (!inventory.find(s.subject.kind, s.subject.name)) report(s.file, s.subject.line, s.subject.kind, s.subject.name);
    for (const c of s.cases) {
      for (const e of c.expect) if (e.kind === 'alert' && e.alert !== s.subject.name && !inventory.find('alert', e.alert)) report(s.file, e.line, 'alert', e.alert);
    }
  }
  return out;
}

function untestedAlerts(inventory: RuleInventory, scenarios: readonly ScenarioFile[], evaluationIntervalMs: number): Problem[] {
  const out: Problem[] = [];
  for (const rule of inventory.alerts()) {
    const cases = scenarios
      .flatMap((s) => s.cases.map((c) => ({ c, expectations: c.expect.filter((e): e is AlertExpectation => e.kind === 'alert' && e.alert === rule.name) })))
      .filter((x) => x.expectations.length);
    const where = { check: coverageCheckId, file: rule.file, line: rule.line };
    const file = `fixtures/rules/alerts/${rule.name}.yaml`;
    if (!cases.length) {
      out.push(problem({ ...where, message: `alert ${rule.name} has no test`, hint: `add ${file} with a case that fires it and one just below its threshold` }));
      continue;
    }
    if (!cases.some((x) => x.expectations.some((e) => e.alerts.length > 0))) {
      out.push(
        problem({
          ...where,
          message: `no test makes alert ${rule.name} fire`,
          hint: `in ${file}, expect firing: true (with the exact labels and annotations) once the condition has held for its \`for\``,
        }),
      );
    }
    // An always-firing alert (the Watchdog, `vector(1)`) has no input that keeps it silent.
    if (!isAlwaysFiring(rule) && !cases.some((x) => x.expectations.every((e) => e.alerts.length === 0))) {
      out.push(problem({ ...where, message: `no case keeps alert ${rule.name} silent`, hint: `in ${file}, add a case just below the threshold whose expectations are all firing: false` }));
    }
    const forMs = rule.for ? (parseDuration(rule.for) ?? 0) : 0;
    if (forMs > 0 && !cases.some((x) => crossesFor(x.c, x.expectations, evaluationIntervalMs))) {
      out.push(
        problem({
          ...where,
          message: `no case checks both sides of \`for: ${rule.for}\` of alert ${rule.name}`,
          hint: `in one case, expect firing: false one evaluation before the condition has held for ${rule.for}, and firing: true at it`,
        }),
      );
    }
  }
  return out;
}

/** Silent at t and firing at t + one evaluation interval, in the same case. */
function crossesFor(c: ScenarioCase, expectations: AlertExpectation[], defaultEvaluationMs: number): boolean {
  const step = c.evaluationIntervalMs ?? defaultEvaluationMs;
  const firingAt = new Set(expectations.filter((e) => e.alerts.length > 0).map((e) => e.atMs));
  return expectations.some((e) => e.alerts.length === 0 && firingAt.has(e.atMs + step));
}

function untestedRecords(inventory: RuleInventory, scenarios: readonly ScenarioFile[]): Problem[] {
  const checked = new Set<string>();
  for (const s of scenarios) {
    for (const c of s.cases) for (const e of c.expect) if (e.kind === 'query' && e.samples.length) for (const m of metricNames(e.query)) checked.add(m);
  }
  return inventory
    .records()
    .filter((r) => !checked.has(r.name))
    .map((r) =>
      problem({
        check: coverageCheckId,
        file: r.file,
        line: r.line,
        message: `recording rule ${r.name} has no test of its values`,
        hint: `add fixtures/rules/recording/${r.name.replaceAll(':', '_')}.yaml with expected samples`,
      }),
    );
}
