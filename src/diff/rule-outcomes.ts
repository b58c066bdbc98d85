import { ConfigError } from '../sources/config-error.js';
import type { ExpectationRef } from '../prometheus-rules/compile-scenarios.js';
import { prepareSuite, type PreparedSuite, type SuiteOptions } from '../prometheus-rules/rule-suite.js';
import { runCompiledSuite } from '../prometheus-rules/run-rule-tests.js';
import { withoutAlertname, type AlertState } from './alert-state.js';
import type { ConfigSide } from './config-side.js';
import { DiffInputError } from './diff-input-error.js';
import type { Sample } from './promtool-samples.js';
import { holdsOn } from '../prometheus-rules/scenario.js';

/**
 * What one expectation saw on one side. promtool prints only failures, so a passing
 * expectation means "actual == expected"; a failing one carries promtool's rendering of both.
 */
export type ExpectationOutcome = { passed: true } | { passed: false; kind: 'alert'; expected: AlertState; got: AlertState } | { passed: false; kind: 'query'; expected: Sample[]; got: Sample[] };

export interface SideRuleRun {
  side: ConfigSide;
  suite: PreparedSuite;
  /** By expectationKey(), for every expectation of every scenario that loaded. */
  outcomes: Map<string, ExpectationOutcome>;
  /** How promtool ran (local binary or image). */
  via: string;
}

/** Stable across sides: both load the same scenario files from the working tree. */
export function expectationKey(ref: Pick<ExpectationRef, 'scenario' | 'case' | 'expectation'>): string {
  const caseIndex = ref.scenario.cases.indexOf(ref.case);
  return `${ref.scenario.file}#${caseIndex}#${ref.case.expect.indexOf(ref.expectation)}`;
}

/**
 * Runs every scenario of the working tree against this side's rules (what its prometheus.yml
 * loads, at its evaluation interval) as the rule suite runs them (promtool runs of at most 40
 * test files, run-rule-tests.ts), and reads back each expectation's
 * actual result from what promtool reported (the rule suite's runner reads it, once).
 */
export async function runSideRules(side: ConfigSide, suite = prepareSide(side), skip: ReadonlySet<string> = new Set()): Promise<SideRuleRun> {
  // Test files the other side runs byte for byte alike (unchanged-inputs.ts) give the same result there: not run.
  const files = suite.compiled.files.filter((f) => !skip.has(f.name.replace(/\.(test|rules)\.yml$/, '')));
  const run = files.some((f) => f.name.endsWith('.test.yml')) ? await runCompiledSuite({ ...suite.compiled, files }) : { failures: [], stderr: '', via: 'not run: no scenario reads a changed rule' };
  const outcomes = new Map<string, ExpectationOutcome>();
  for (const scenario of suite.scenarios) {
    for (const c of scenario.cases) {
      for (const expectation of c.expect) if (holdsOn(expectation, suite.compiled.engine.major)) outcomes.set(expectationKey({ scenario, case: c, expectation }), { passed: true });
    }
  }
  const stray = run.failures.filter((f) => !f.ref);
  if (stray.length) {
    const text = stray.flatMap((f) => [f.message, ...f.details.map((line) => withRuleLine(side, suite, line))]).join('\n  ');
    throw new DiffInputError(
      `${side.role} (${side.description}): promtool reported errors no expectation accounts for, so this side's behaviour is unknown:\n  ${text}`,
      `run \`npx vitest run --project rules\` on that revision, or \`promtool check rules\` on its rule files, and fix what they name`,
    );
  }
  // The rule suite already matched each failure promtool reported to its expectation.
  for (const { ref, reported: f } of run.failures) {
    if (!ref || !f || f.kind === 'error') continue;
    if (f.kind === 'alert') outcomes.set(expectationKey(ref), { passed: false, kind: 'alert', expected: withoutAlertname(f.expected), got: withoutAlertname(f.got) });
    else outcomes.set(expectationKey(ref), { passed: false, kind: 'query', expected: f.expected, got: f.got });
  }
  return { side, suite, outcomes, via: run.via };
}

/** This side's rules with the working tree's scenarios (and generated ones), compiled, not run. */
export function prepareSide(side: ConfigSide, options: Omit<SuiteOptions, 'prometheusConfig' | 'workspace' | 'fixturesFrom'> = {}): PreparedSuite {
  try {
    return prepareSuite({ ...options, workspace: side.workspace, fixturesFrom: side.fixtures });
  } catch (error) {
    if (error instanceof ConfigError) throw sideError(side, error);
    throw error;
  }
}

/** A config of this side that does not load, named the way the user sees it. */
export function sideError(side: ConfigSide, error: ConfigError): DiffInputError {
  const where = `${side.display(error.file)}${error.line ? `:${error.line}` : ''}`;
  return new DiffInputError(`${side.role} (${side.description}): ${where}: ${error.reason}`, error.hint);
}

/** promtool names a broken rule in the generated file (`rule 1, "job:x"`): point at this side's own line. */
function withRuleLine(side: ConfigSide, suite: PreparedSuite, line: string): string {
  const name = /rule \d+, "([^"]+)"/.exec(line)?.[1];
  const rule = name === undefined ? undefined : suite.inventory.rules.find((r) => r.name === name);
  return rule ? `${line}\n    ---> ${side.display(rule.file)}:${rule.exprLine} (${rule.kind} ${rule.name})` : line;
}
