import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { repoPath } from '../../src/sources/repo-files.js';
import { formatFailure } from '../../src/prometheus-rules/format-failure.js';
import { runRuleSuite } from '../../src/prometheus-rules/rule-suite.js';
import { writeTempFiles } from '../support/test-files.js';
import { ToolUnavailableError } from '../../src/tools/tool-runner.js';

// Deliberately wrong scenarios, run by the real promtool against the canonical rules: the
// suite must say which expectation failed (scenario file:line), which rule (file:line), and
// expected vs got, instead of promtool's raw dump.
const canonical = readFileSync(repoPath('fixtures/rules/alerts/HighErrorRate.yaml'), 'utf8');
const files = writeTempFiles({
  // Fires one evaluation too early: the condition has held 4m45s at 5m.
  'early.yaml': canonical.replace('- {at: 5m, firing: false}', '- {at: 5m, firing: true}'),
  'wrong-annotation.yaml': canonical.replace('returned a 5xx over the last 5 minutes (threshold 5%).', 'returned a 5xx (threshold 5%).'),
  'wrong-value.yaml': readFileSync(repoPath('fixtures/rules/recording/mysql.yaml'), 'utf8').replace('value: 0.4', 'value: 0.5'),
});
let result: Awaited<ReturnType<typeof runRuleSuite>> | undefined;
let unavailable: string | undefined;

beforeAll(async () => {
  try {
    result = await runRuleSuite({ dir: files.dir });
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    unavailable = `${error.message}. Run \`bash scripts/install-local-tools.sh\` (promtool of the engine under test) or \`npm run images:offline\``;
  }
}, 120_000);

const lineOf = (name: string, text: string) =>
  readFileSync(files.path(name), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

test('an alert expected too early is reported at the scenario line and the rule line', (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  const failure = result!.run.failures.find((f) => f.ref?.scenario.file.endsWith('early.yaml'));
  expect(failure?.message).toBe('HighErrorRate did not fire at 5m; expected 1 firing alert(s)');
  const text = formatFailure(failure!, result!.inventory);
  expect(text).toContain(`early.yaml:${lineOf('early.yaml', '{at: 5m, firing: true}')} (case "6% of requests fail")`);
  const ruleLine =
    readFileSync(repoPath('monitoring/alert_rules.yml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('ratio_rate5m{job="timetable-app"} > 0.05')) + 1;
  expect(text).toContain(`---> monitoring/alert_rules.yml:${ruleLine} (alert HighErrorRate)`);
  expect(text).toContain('hint:');
});

test('a wrong annotation is shown as expected vs got for that annotation only', (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  const failures = result!.run.failures.filter((f) => f.ref?.scenario.file.endsWith('wrong-annotation.yaml'));
  // Every firing expectation of the file shares the instance, so each reports the difference.
  expect(failures.length).toBe(2);
  expect(failures[0]!.details).toEqual([
    'annotation description:\n      expected "6% of requests to timetable-app returned a 5xx (threshold 5%)."\n      got      "6% of requests to timetable-app returned a 5xx over the last 5 minutes (threshold 5%)."',
  ]);
});

test('a wrong recorded value names the query, the time and both values', (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  const failure = result!.run.failures.find((f) => f.ref?.scenario.file.endsWith('wrong-value.yaml'));
  expect(failure?.message).toBe('instance:mysql_slow_queries:rate5m at 10m returned other samples than expected');
  // 0.39999999999999997 on 3.x, 0.4 on 2.x: the same value to within one ULP.
  expect(failure?.details.join('\n')).toMatch(/expected: .* 0\.5\ngot: +.* 0\.(4|39999999999999997)$/);
  expect(formatFailure(failure!, result!.inventory)).toMatch(/---> monitoring\/recording_rules.yml:\d+ \(record instance:mysql_slow_queries:rate5m\)/);
});

test('nothing else failed, and nothing went unattributed', (ctx) => {
  if (unavailable) return ctx.skip(unavailable);
  expect(result!.run.failures.filter((f) => !f.ref)).toEqual([]);
  expect(result!.run.failures.length).toBe(4);
});
