import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { isAlwaysFiring } from '../../src/prometheus-rules/always-firing.js';
import { canonicalRules } from '../../src/prometheus-rules/canonical-rules.js';

// The copy has the canonical alerts plus QueueBacklog, untested: what each section then measures.
// An always-firing alert (the Watchdog) is not asked to be kept silent anywhere.
const canonical = canonicalRules().alerts();
const fired = { covered: canonical.length, of: canonical.length + 1 };
const silent = { covered: canonical.filter((a) => !isAlwaysFiring(a)).length, of: canonical.filter((a) => !isAlwaysFiring(a)).length + 1 };
const percent = (s: { covered: number; of: number }) => ((100 * s.covered) / s.of).toFixed(1);
const escaped = (text: string) => text.replace(/\./g, '\\.');

let copy = '';
let reports = '';
// A copy of the configs with one alert more than the scenarios test: what a hurried edit leaves.
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'coverage-copy-'));
  reports = join(copy, 'reports');
  for (const dir of ['monitoring', 'fixtures']) cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true });
  appendFileSync(
    join(copy, 'monitoring/alert_rules.yml'),
    `
  - name: added-without-a-test
    rules:
      - alert: QueueBacklog
        expr: job:http_requests:rate5m{job="timetable-app"} > 1000
        for: 5m
        labels: {severity: warning, service: timetable-app, team: backend}
        annotations: {summary: s, description: d, runbook_url: https://github.com/school-timetable/monitoring/blob/main/docs/runbooks/QueueBacklog.md}
`,
  );
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/**
 * Bound on one rules run as a process: above the rule suite's own 900 s (tests/rules/rule-scenarios.test.ts),
 * so a slow machine shows the suite's own timeout message rather than a killed process.
 */
const rulesRunMs = 960_000;

/** The rules project on the copy (HARNESS_ROOT), as CI runs it, its reports in the copy. */
function rulesRun(threshold: string | undefined): Promise<{ code: number; output: string }> {
  const env = { ...process.env, NO_COLOR: '1', HARNESS_ROOT: copy, HARNESS_REPORTS_DIR: reports, HARNESS_COVERAGE_MIN: threshold ?? '' };
  const args = [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'rules', 'tests/rules/rule-scenarios.test.ts'];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repoRoot, env, timeout: rulesRunMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

const skipWithoutPromtool = (ctx: TestContext, output: string) => /promtool is not available/.test(output) && ctx.skip(/promtool is not available: [^\n]*/.exec(output)![0]);

describe('the coverage threshold (HARNESS_COVERAGE_MIN)', () => {
  it(
    'fails a run whose coverage is below it (100% by default), naming what is not covered, one failure per section',
    async (ctx) => {
      const run = await rulesRun(undefined);
      skipWithoutPromtool(ctx, run.output);
      expect(run.output).toMatch(
        new RegExp(`✗ coverage: alerts fired ${escaped(percent(fired))}%, below HARNESS_COVERAGE_MIN=100%: not covered: QueueBacklog \\(monitoring/alert_rules\\.yml:\\d+\\)$`, 'm'),
      );
      expect(run.output).toContain(`✗ coverage: alerts kept silent where they must ${percent(silent)}%, below HARNESS_COVERAGE_MIN=100%`);
      // The rule suite's own coverage test fails too; the two coverage sections add one failure each.
      expect(run.output).toMatch(/^\d+ passed, 3 failed$/m);
      expect(run.code).toBe(1);
      const markdown = readFileSync(join(reports, 'coverage.md'), 'utf8');
      expect(markdown).toContain(`| Alerts fired | ${fired.covered}/${fired.of} (${percent(fired)}%) | rule scenarios in simulated time (tests/rules, promtool) |`);
      expect(markdown).toContain('| Routes reached | not measured in this run |');
      expect(markdown).toContain('| Pipeline branches and outputs exercised | not measured in this run |');
      expect(readFileSync(join(reports, 'coverage.html'), 'utf8')).toContain('<section class="below" data-section="alerts-fired">');
    },
    rulesRunMs + 60_000,
  );

  it(
    'passes the same coverage under a lower threshold, and refuses a value that is not a percentage',
    async (ctx) => {
      const lenient = await rulesRun('90');
      skipWithoutPromtool(ctx, lenient.output);
      expect(lenient.output).not.toContain('✗ coverage');
      expect(lenient.output).toMatch(/^\d+ passed, 1 failed$/m);
      const bad = await rulesRun('ninety');
      expect(bad.output).toContain('✗ HARNESS_COVERAGE_MIN="ninety" is not a percentage: set it to a number from 0 (report only) to 100 (everything covered, the default)');
      expect(bad.code).toBe(1);
    },
    2 * rulesRunMs + 60_000,
  );
});
