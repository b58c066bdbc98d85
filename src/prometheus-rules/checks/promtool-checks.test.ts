import { beforeAll, describe, expect, test } from 'vitest';
import { describeTool, ToolUnavailableError } from '../../tools/tool-runner.js';
import { repoRoot } from '../../sources/repo-files.js';
import { SourceFiles } from '../../sources/source-files.js';
import { prometheusConfigFile } from '../prometheus-config.js';
import { writeTempFiles } from '../../../tests/support/test-files.js';

const repository = new SourceFiles(repoRoot);
import { promtoolConfigProblems } from './promtool-config-check.js';
import { promtoolRulesProblems } from './promtool-rules-check.js';

// The real promtool (local binary of the pinned version, or inside the pinned image) on
// deliberately broken files: `check` must name the file and the line.
let unavailable: string | undefined;
beforeAll(async () => {
  try {
    await describeTool('promtool');
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    unavailable = `${error.message}. Run \`bash scripts/install-local-tools.sh\` (promtool of the engine under test) or \`npm run images:offline\``;
  }
}, 120_000);

const files = writeTempFiles({
  // Not `record: bad name`: from 3.0 metric names may hold any UTF-8, and promtool accepts it.
  'broken-rules.yml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: rate(x[5m] > 1\n        for: 5m\n      - record: job:x:sum\n        expr: sum(up)\n        for: 5m\n',
  'unknown-field.yml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        summary: misplaced\n',
  'bad-duration.yml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 5x\n',
  'good-rules.yml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n',
  'bad-prometheus.yml': 'global:\n  scrape_interval: 15s\n  evaluation_intervall: 15s\n',
});

describe('rules/promtool', () => {
  test('a broken rule file fails, naming the file, line and column of each rule', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const problems = await promtoolRulesProblems([files.path('broken-rules.yml')], repository);
    expect(problems?.map((p) => [p.file, p.line, p.column, p.severity])).toEqual([
      [files.path('broken-rules.yml'), 5, 15, 'error'],
      [files.path('broken-rules.yml'), 7, 17, 'error'],
    ]);
    expect(problems?.[0]?.message).toContain('could not parse expression');
    expect(problems?.[1]?.message).toContain("invalid field 'for' in recording rule");
  });

  test('an unknown field is reported at its line', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const problems = await promtoolRulesProblems([files.path('unknown-field.yml')], repository);
    // rulefmt.RuleNode up to 2.x, rulefmt.Rule from 3.0.
    expect(problems?.map((p) => p.line)).toEqual([6]);
    expect(problems?.[0]?.message).toMatch(/^field summary not found in type rulefmt\.Rule(Node)?$/);
  });

  test('an error promtool gives without a line is placed at the line holding the value', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const problems = await promtoolRulesProblems([files.path('bad-duration.yml')], repository);
    // 2.x: `not a valid duration string: "5x"`; 3.x: `unknown unit "x" in duration "5x"`, printed twice.
    expect(problems?.map((p) => p.line)).toEqual([6]);
    expect(problems?.[0]?.message).toContain('"5x"');
  });

  test('a valid rule file has no problems', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    expect(await promtoolRulesProblems([files.path('good-rules.yml')], repository)).toEqual([]);
  });
});

describe('prometheus/promtool', () => {
  test('a misspelt field of prometheus.yml is reported at its line', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const problems = await promtoolConfigProblems(files.path('bad-prometheus.yml'), repository);
    expect(problems?.map((p) => [p.file, p.line, p.message])).toEqual([[files.path('bad-prometheus.yml'), 3, 'field evaluation_intervall not found in type config.plain']]);
  });

  test('the canonical prometheus.yml passes', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    expect(await promtoolConfigProblems(prometheusConfigFile, repository)).toEqual([]);
  });
});
