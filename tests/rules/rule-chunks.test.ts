import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { formatFailure } from '../../src/prometheus-rules/format-failure.js';
import { loadScenario } from '../../src/prometheus-rules/load-scenario.js';
import { prepareSuite } from '../../src/prometheus-rules/rule-suite.js';
import { runCompiledSuite, type RuleTestRun } from '../../src/prometheus-rules/run-rule-tests.js';
import { repoPath } from '../../src/sources/repo-files.js';
import { ToolUnavailableError } from '../../src/tools/tool-runner.js';
import { writeTempFiles } from '../support/test-files.js';

// The canonical suite plus two deliberately wrong scenarios, compiled once and run by the real
// promtool twice: as ONE promtool run of every file, and split into runs of 3 files, two at a
// time. Splitting must change nothing a user sees: the same failures (runs report theirs in turn,
// so the order may differ; every case reads only its own), the same words and file:line, the
// same verdict.
const files = writeTempFiles({
  // Fires one evaluation too early (as in failure-reports.test.ts).
  'early.yaml': readFileSync(repoPath('fixtures/rules/alerts/HighErrorRate.yaml'), 'utf8').replace('- {at: 5m, firing: false}', '- {at: 5m, firing: true}'),
  'wrong-value.yaml': readFileSync(repoPath('fixtures/rules/recording/mysql.yaml'), 'utf8').replace('value: 0.4', 'value: 0.5'),
});
const suite = prepareSuite({ extraScenarios: [loadScenario(files.path('early.yaml')), loadScenario(files.path('wrong-value.yaml'))] });
const testFiles = suite.compiled.files.filter((f) => f.name.endsWith('.test.yml')).length;
let whole: RuleTestRun | undefined;
let split: RuleTestRun | undefined;
let unavailable: string | undefined;

beforeAll(async () => {
  try {
    whole = await runCompiledSuite(suite.compiled, undefined, undefined, { filesPerChunk: testFiles });
    split = await runCompiledSuite(suite.compiled, undefined, undefined, { filesPerChunk: 3, concurrency: 2 });
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    unavailable = `${error.message}. Run \`bash scripts/install-local-tools.sh\` (promtool of the engine under test) or \`npm run images:offline\``;
  }
}, 600_000);

const outcomes = (run: RuleTestRun) => run.failures.map((f) => `${f.ref ? `${f.ref.scenario.file}:${f.ref.case.line}` : 'unattributed'}\n${formatFailure(f, suite.inventory)}`);

test('the suite split into runs of 3 files reports what one run of every file reports', { timeout: 30_000 }, (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  expect(Math.ceil(testFiles / 3), 'the split must really make several promtool runs').toBeGreaterThan(10);
  expect(outcomes(split!).sort()).toEqual(outcomes(whole!).sort());
  expect(split!.exitCode !== 0).toBe(whole!.exitCode !== 0);
  expect(split!.files.map((f) => basename(f))).toEqual(whole!.files.map((f) => basename(f)));
});

test('a split run still fails, naming each failed case with its file:line', { timeout: 30_000 }, (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  expect(split!.exitCode).not.toBe(0);
  const failed = new Set(split!.failures.map((f) => f.ref?.scenario.file ?? 'unattributed'));
  expect([...failed].sort()).toEqual([files.path('early.yaml'), files.path('wrong-value.yaml')].sort());
  const early = split!.failures.find((f) => f.ref?.scenario.file.endsWith('early.yaml'));
  expect(early?.message).toBe('HighErrorRate did not fire at 5m; expected 1 firing alert(s)');
});
