import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { configsRepository } from '../support/configs-repository.js';

/** Runs `npm run diff` as a user does (the CLI through tsx), on the throwaway repository. */
function runDiffCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const cli = [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/diff.ts'), '--root', repo, ...args];
    execFile(process.execPath, cli, { cwd: repo, timeout: 600_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr });
    });
  });
}

/** promtool/amtool missing here is a skip that says how to get them, never a pass. */
function skipWithoutTools(ctx: TestContext, run: { code: number; output: string }) {
  const missing = /(promtool|amtool) is not available: .*/.exec(run.output);
  if (run.code === 2 && missing) ctx.skip(missing[0]);
}

const lineOf = (file: string, text: string) =>
  readFileSync(join(repo, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;
let repo = '';
let [caseLine, exprLine, infoRouteLine, infoCaseLine, grafanaCaseLine, ruleLine] = [0, 0, 0, 0, 0, 0];

// A copy of this repository's configs and scenarios in a git repository of its own, with two
// commits: the canonical configs, then HighErrorRate's threshold lowered from 5% to 4% and
// info alerts re-routed from #timetable-info to the warnings receiver.
beforeAll(() => {
  const copy = configsRepository('diff-cli');
  repo = copy.dir;
  const { git } = copy;

  const rules = join(repo, 'monitoring/alert_rules.yml');
  const ruleLines = readFileSync(rules, 'utf8').split('\n');
  ruleLine = ruleLines.findIndex((l) => /- alert: HighErrorRate$/.test(l)) + 1;
  exprLine = ruleLine + 1;
  expect(ruleLines[exprLine - 1]).toMatch(/expr: .* > 0\.05$/);
  ruleLines[exprLine - 1] = ruleLines[exprLine - 1]!.replace(/> 0\.05$/, '> 0.04');
  writeFileSync(rules, ruleLines.join('\n'));

  const alertmanager = join(repo, 'monitoring/alertmanager.yml');
  const routeText = `    - matchers: ['severity="info"']\n      receiver: slack-info`;
  expect(readFileSync(alertmanager, 'utf8')).toContain(routeText);
  writeFileSync(alertmanager, readFileSync(alertmanager, 'utf8').replace(routeText, routeText.replace('slack-info', 'slack-warnings')));
  git('commit', '-qam', 'lower the 5xx page to 4%, info alerts to the warnings channel');

  caseLine = lineOf('fixtures/rules/alerts/HighErrorRate.yaml', '- name: 4.9% of requests fail, just below the threshold');
  infoRouteLine = lineOf('monitoring/alertmanager.yml', `- matchers: ['severity="info"']`);
  infoCaseLine = lineOf('fixtures/routing/severity-routes.yaml', '- name: an info alert posts to the timetable-info channel in blue');
  grafanaCaseLine = lineOf('fixtures/routing/severity-routes.yaml', "- name: Grafana's dashboard alert (severity info) posts to the timetable-info channel");
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run diff, end to end on a throwaway repository', () => {
  it('reports exactly what the threshold and the route change do, and exits 1', async (ctx) => {
    const run = await runDiffCli(['HEAD~1']);
    skipWithoutTools(ctx, run);
    // HighErrorRate carries a minimum-traffic guard (issue 12): the boundary has two conditions.
    const expr = (threshold: string) =>
      `monitoring/alert_rules.yml:${exprLine}  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > ${threshold} and on(job) job:http_requests:rate5m{job="timetable-app"} >= 0.1`;
    const ruleDifference = (at: string) => [
      `  HighErrorRate · "4.9% of requests fail, just below the threshold" (fixtures/rules/alerts/HighErrorRate.yaml:${caseLine}) at ${at}: base silent → head FIRING`,
      `      base ${expr('0.05')}`,
      `      head ${expr('0.04')}`,
    ];
    const route = `      ends at the route at monitoring/alertmanager.yml:${infoRouteLine} on both sides`;
    const lines = run.output.trim().split('\n');
    expect(lines[0]).toMatch(/^Behaviour diff: base HEAD~1 \([0-9a-f]{7} canonical configs\) → head working tree \(uncommitted changes included\)$/);
    expect(lines[1]).toMatch(/^Same scenarios on both sides, from the working tree's fixtures\/: \d+ rule expectations at \d+ evaluation times in \d+ cases; \d+ routing and \d+ inhibition cases\.$/);
    expect(lines.slice(2, -1)).toEqual([
      '',
      'Files that differ under monitoring/',
      '  modified monitoring/alert_rules.yml',
      '  modified monitoring/alertmanager.yml',
      '',
      'Thresholds: 1 alert whose boundary moved',
      '  HighErrorRate: pages when job:http_request_errors:ratio_rate5m{job="timetable-app"} > 4% (was > 5%) and job:http_requests:rate5m{job="timetable-app"} >= 0.1, after 5m (unchanged)',
      `      base ${expr('0.05')}  for: 5m`,
      `      head ${expr('0.04')}  for: 5m`,
      // Generated from each side's rule: no hand-written case sits at 4.004%, yet the edit shows there.
      '    boundary cases generated from the rules, where the sides differ:',
      `      job:http_request_errors:ratio_rate5m{job="timetable-app"} 4.995%, just below base's > 5% at 5m: base silent → head FIRING`,
      `      job:http_request_errors:ratio_rate5m{job="timetable-app"} 4.004%, just above head's > 4% at 5m: base silent → head FIRING`,
      `      job:http_requests:rate5m{job="timetable-app"} 0.1001, just above head's >= 0.1 at 5m: base silent → head FIRING`,
      '      every condition clearly met (head) at 5m: base silent → head FIRING',
      '',
      'Rules: 2 expectations differ',
      ...ruleDifference('5m15s'),
      ...ruleDifference('15m'),
      '',
      'Rule definitions: 1 change',
      `  alert HighErrorRate: expr changed (base monitoring/alert_rules.yml:${ruleLine}, head monitoring/alert_rules.yml:${ruleLine}); shown by 2 differences above`,
      '',
      'Routing: 2 cases differ',
      `  "an info alert posts to the timetable-info channel in blue" (fixtures/routing/severity-routes.yaml:${infoCaseLine}): base slack-info → head slack-warnings`,
      route,
      `  "Grafana's dashboard alert (severity info) posts to the timetable-info channel" (fixtures/routing/severity-routes.yaml:${grafanaCaseLine}): base slack-info → head slack-warnings`,
      route,
      '',
      'Routing and evaluation config: 1 change',
      `  route {severity="info"} receiver slack-info → slack-warnings (base monitoring/alertmanager.yml:${infoRouteLine}, head monitoring/alertmanager.yml:${infoRouteLine})`,
      '',
    ]);
    expect(lines.at(-1)).toMatch(/^Behaviour changed: 1 threshold, 2 rule expectations, 1 rule definition, 2 routing cases, 1 config change\. Wall time \d+\.\d s \(promtool: (local|image) \S+\)\.$/);
    expect(run.code).toBe(1);
  });

  it('gives the same differences as JSON between two named revisions', async (ctx) => {
    const run = await runDiffCli(['--json', 'HEAD~1', 'HEAD']);
    skipWithoutTools(ctx, run);
    const report = JSON.parse(run.output) as {
      changed: boolean;
      head: { name: string };
      rules: { differences: { subject: string; at: string; summary: string; head: unknown }[] };
      routing: { differences: { case: string; summary: string }[] };
    };
    expect(report.changed).toBe(true);
    expect(report.head.name).toBe('HEAD');
    expect(report.rules.differences.map((d) => [d.subject, d.at, d.summary])).toEqual([
      ['HighErrorRate', '5m15s', 'base silent → head FIRING'],
      ['HighErrorRate', '15m', 'base silent → head FIRING'],
    ]);
    // The alert that fires on head, with the labels and annotations promtool rendered.
    expect(report.rules.differences[0]!.head).toEqual({
      alerts: [
        {
          labels: { job: 'timetable-app', severity: 'critical', service: 'timetable-app', team: 'backend' },
          annotations: {
            summary: 'More than 5% of requests fail with a 5xx',
            description: '4.9% of requests to timetable-app returned a 5xx over the last 5 minutes (threshold 5%).',
            runbook_url: 'https://github.com/school-timetable/monitoring/blob/main/docs/runbooks/HighErrorRate.md',
          },
        },
      ],
    });
    expect(report.routing.differences.map((d) => d.summary)).toEqual(['base slack-info → head slack-warnings', 'base slack-info → head slack-warnings']);
    expect(run.code).toBe(1);
  });

  it('exits 0 when the configs behave alike', async (ctx) => {
    const run = await runDiffCli(['HEAD', 'HEAD']);
    skipWithoutTools(ctx, run);
    expect(run.output).toMatch(/\nNo behaviour changed\. Wall time/);
    expect(run.code).toBe(0);
  });

  it('names an unknown revision, says how to list them, and exits 2', async () => {
    const run = await runDiffCli(['no-such-rev']);
    expect(run.output).toContain(`diff: unknown revision "no-such-rev": git cannot resolve it to a commit in ${repo}`);
    expect(run.output).toContain('hint: list revisions with `git log --oneline`');
    expect(run.code).toBe(2);
  });

  it('exits 2 without a base revision', async () => {
    const run = await runDiffCli([]);
    expect(run.output).toMatch(/missing required argument 'base-rev'/);
    expect(run.code).toBe(2);
  });
});
