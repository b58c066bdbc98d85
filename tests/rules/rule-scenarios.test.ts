import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/check/format-problem.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { formatFailure } from '../../src/prometheus-rules/format-failure.js';
import { prepareSuite } from '../../src/prometheus-rules/rule-suite.js';
import { runCompiledSuite, type RuleTestRun } from '../../src/prometheus-rules/run-rule-tests.js';
import { ToolUnavailableError } from '../../src/tools/tool-runner.js';

// Every scenario under fixtures/rules, compiled once and run by promtool (runs of at most 40
// test files, merged: tests/rules/rule-chunks.test.ts shows splitting changes no outcome);
// each case below then reports its own expectations' failures, with file:line.
// HARNESS_RULES_RUN=<regexp over case names, file:line> runs only those cases (promtool --run),
// e.g. HARNESS_RULES_RUN=SlowQueries while working on one scenario; the others skip and say so.
const suite = prepareSuite();
const only = process.env.HARNESS_RULES_RUN || undefined;
let run: RuleTestRun | undefined;
let unavailable: string | undefined;

beforeAll(async () => {
  try {
    run = await runCompiledSuite(suite.compiled, undefined, only);
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    unavailable = `${error.message}. Run \`bash scripts/install-local-tools.sh\` (promtool of the engine under test, from Debian) or \`npm run images:offline\` so it runs inside the stand-in image`;
  }
  // A bound against a hang, not a speed claim: promtool's own runs are bounded by 300 s of free
  // event-loop time (src/tools/run-process.ts); in wall time, on a machine at load ~190 (a CPU
  // hog and two other suites), the suite took over 300 s (CI, 2026-11-29).
}, 900_000);

test('every scenario file loads (schema, notation, evaluation times)', () => {
  expect(
    suite.loadErrors.map((e) => e.message),
    'fix these scenario files',
  ).toEqual([]);
});

test('every alert and recording rule is tested, and no test names a rule that does not exist', () => {
  const report = suite.coverage.map((p) => formatProblem(p)).join('\n\n');
  expect(suite.coverage.length, `\n${report}\n`).toBe(0);
});

for (const scenario of suite.scenarios) {
  describe(`${scenario.file} (${scenario.subject.kind} ${scenario.subject.name})`, () => {
    for (const c of scenario.cases) {
      test(c.name, (ctx) => {
        if (unavailable) return ctx.skip(unavailable);
        if (only && !new RegExp(only).test(`${scenario.file}:${c.line}`)) return ctx.skip(`not selected by HARNESS_RULES_RUN=${only} (promtool --run); unset it to run every case`);
        const alertExpectations = c.expect.filter((e) => e.kind === 'alert');
        recordCoverage(ctx, { alertsFired: alertExpectations.filter((e) => e.alerts.length).map((e) => e.alert), alertsSilent: alertExpectations.filter((e) => !e.alerts.length).map((e) => e.alert) });
        const failures = run!.failures.filter((f) => f.ref?.case === c);
        expect(failures.map((f) => formatFailure(f, suite.inventory)).join('\n\n')).toBe('');
      });
    }
  });
}

test('promtool raised nothing that no scenario expectation accounts for', (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  const stray = run!.failures.filter((f) => !f.ref);
  expect(stray.map((f) => formatFailure(f)).join('\n\n')).toBe('');
  // A failed run always names what failed: exit code and attributed failures agree.
  expect(run!.exitCode === 0).toBe(run!.failures.length === 0);
});
