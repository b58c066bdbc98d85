import { formatFailure } from '../../src/prometheus-rules/format-failure.js';
import { runRuleSuite } from '../../src/prometheus-rules/rule-suite.js';
import { reportStage } from './stage-result.js';

// The rule suite on HARNESS_ROOT's tree (bench/scale.ts runs this as a child process): every
// scenario of fixtures/rules compiled and run as the suite runs it: promtool runs of at most 40
// test files, two at a time on this machine (src/prometheus-rules/promtool-chunks.ts).
const started = performance.now();
const suite = await runRuleSuite();
const cases = suite.scenarios.reduce((n, s) => n + s.cases.length, 0);
const problems = suite.loadErrors.length + suite.coverage.length;
for (const f of suite.run.failures.slice(0, 5)) console.error(formatFailure(f, suite.inventory));
for (const p of [...suite.loadErrors, ...suite.coverage].slice(0, 5)) console.error(String((p as { message?: string }).message ?? p));
reportStage({ units: cases, workMs: performance.now() - started, failed: suite.run.failures.length + problems, note: `${suite.run.files.length} promtool files, promtool via ${suite.run.via}` });
