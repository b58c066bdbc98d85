import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { configsRepository } from '../support/configs-repository.js';
import type { DiffReport } from '../../src/diff/diff-report.js';

/** `npm run diff` as a user runs it, on the throwaway repository. */
function runDiffCli(args: string[]): Promise<{ code: number; stdout: string; output: string }> {
  return new Promise((resolve) => {
    const cli = [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/diff.ts'), '--root', repo, ...args];
    execFile(process.execPath, cli, { cwd: repo, timeout: 180_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, output: stdout + stderr });
    });
  });
}

function skipWithoutTools(ctx: TestContext, run: { code: number; output: string }) {
  const missing = /(promtool|amtool) is not available: .*/.exec(run.output);
  if (run.code === 2 && missing) ctx.skip(missing[0]);
}

let repo = '';
let exprLine = 0;

// The configs and scenarios committed, then the edit a reviewer asks about: HighErrorRate pages
// from 10% of requests failing instead of 5%. No hand-written scenario sits between 5% and 10%
// except "6% of requests fail": the generated boundary cases must show the move on their own.
beforeAll(() => {
  repo = configsRepository('diff-thresholds').dir;
  const rules = join(repo, 'monitoring/alert_rules.yml');
  const lines = readFileSync(rules, 'utf8').split('\n');
  exprLine = lines.findIndex((l) => /- alert: HighErrorRate$/.test(l)) + 2;
  expect(lines[exprLine - 1]).toMatch(/> 0\.05$/);
  lines[exprLine - 1] = lines[exprLine - 1]!.replace(/> 0\.05$/, '> 0.10');
  writeFileSync(rules, lines.join('\n'));
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff on a threshold edit (HighErrorRate 5% → 10%), on a throwaway repository', () => {
  it('says how the boundary moved, in words, with the generated cases that show it', async (ctx) => {
    const run = await runDiffCli(['HEAD']);
    skipWithoutTools(ctx, run);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf('Thresholds: 1 alert whose boundary moved');
    expect(at, run.output).toBeGreaterThan(0);
    // HighErrorRate carries a minimum-traffic guard (issue 12): the boundary has two conditions.
    const expr = (t: string) =>
      `monitoring/alert_rules.yml:${exprLine}  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > ${t} and on(job) job:http_requests:rate5m{job="timetable-app"} >= 0.1  for: 5m`;
    expect(lines.slice(at + 1, at + 9)).toEqual([
      '  HighErrorRate: pages when job:http_request_errors:ratio_rate5m{job="timetable-app"} > 10% (was > 5%) and job:http_requests:rate5m{job="timetable-app"} >= 0.1, after 5m (unchanged)',
      `      base ${expr('0.05')}`,
      `      head ${expr('0.10')}`,
      '    boundary cases generated from the rules, where the sides differ:',
      `      job:http_request_errors:ratio_rate5m{job="timetable-app"} 5.005%, just above base's > 5% at 5m: base FIRING → head silent`,
      `      job:http_requests:rate5m{job="timetable-app"} 0.1001, just above base's >= 0.1 at 5m: base FIRING → head silent`,
      '      every condition clearly met (base) at 5m: base FIRING → head silent',
      `      job:http_request_errors:ratio_rate5m{job="timetable-app"} 9.99%, just below head's > 10% at 5m: base FIRING → head silent`,
    ]);
    // alertmanager.yml is the same on both sides: no routing case needed asking. Three rule
    // expectations turn: HighErrorRate's own case (6% fails, at two instants) and the error budget
    // policy's "10% failing for 3 hours is paged by HighErrorRate" (ErrorBudgetFastBurn.yaml).
    expect(lines.at(-2)).toMatch(/^Behaviour changed: 1 threshold, 3 rule expectations, 1 rule definition\. Wall time \d+\.\d s/);
    expect(run.code).toBe(1);
  });

  it('writes markdown for a pull request: the words, a chart, the cases', async (ctx) => {
    const run = await runDiffCli(['HEAD', '--markdown']);
    skipWithoutTools(ctx, run);
    expect(run.stdout).toContain('**Behaviour changed**: 1 threshold, 3 rule expectations, 1 rule definition.');
    expect(run.stdout).toContain('| HighErrorRate | a bad deploy failing 10% of requests for 3 hours does not page the budget');
    expect(run.stdout).toContain(
      '**HighErrorRate: pages when job:http_request_errors:ratio_rate5m{job="timetable-app"} > 10% (was > 5%) and job:http_requests:rate5m{job="timetable-app"} >= 0.1, after 5m (unchanged)**',
    );
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(run.stdout)?.[1]?.split('\n');
    expect(chart).toEqual([
      'xychart-beta',
      '  title "HighErrorRate: fires at for? bars base, line head"',
      // Each condition's cases in turn (the ratio's, then the traffic guard's at a clearly met ratio).
      '  x-axis ["4.995%", "5.005%", "5.5%", "5.5%", "5.5%", "9.99%", "10.01%", "11%", "11%", "11%"]',
      '  y-axis "fires (1) or not (0)" 0 --> 1',
      '  bar [0, 1, 1, 0, 1, 1, 1, 1, 0, 1]',
      '  line [0, 0, 0, 0, 0, 0, 1, 1, 0, 1]',
    ]);
    expect(run.stdout).toContain(`| job:http_request_errors:ratio_rate5m{job="timetable-app"} 9.99%, just below head's > 10% | 5m | **FIRING** | silent |`);
    expect(run.code).toBe(1);
  });

  it('gives the same words as JSON', async (ctx) => {
    const run = await runDiffCli(['HEAD', '--json']);
    skipWithoutTools(ctx, run);
    const report = JSON.parse(run.stdout) as DiffReport;
    expect(report.thresholds.map((t) => t.words)).toEqual([
      'HighErrorRate: pages when job:http_request_errors:ratio_rate5m{job="timetable-app"} > 10% (was > 5%) and job:http_requests:rate5m{job="timetable-app"} >= 0.1, after 5m (unchanged)',
    ]);
    expect(report.thresholds[0]!.notes).toEqual([]);
  });
});
