import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfConfigs, runCheckCli } from './run-check-cli.js';

describe('npm run check (the main job), end to end', () => {
  it('passes on the canonical configs', async () => {
    const { code, output } = await runCheckCli([]);
    expect(output).toMatch(/\d+ checks, 0 errors/);
    expect(code).toBe(0);
  });

  it('fails on a broken rule file, naming the file and the line', async () => {
    const root = copyOfConfigs();
    const path = join(root, 'monitoring/alert_rules.yml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const exprLine = lines.findIndex((l) => /^\s+expr:/.test(l));
    // Break the YAML on that very line: a nested mapping where an expression stood.
    lines[exprLine] = lines[exprLine]!.replace(/expr:.*/, 'expr: up: 0');
    writeFileSync(path, lines.join('\n'));
    const { code, output } = await runCheckCli(['--root', root]);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`---> monitoring/alert_rules\\.yml:${exprLine + 1}:\\d+`));
    expect(output).toMatch(/YAML syntax error/);
  });

  it('fails on invalid PromQL in a rule, naming the file and the rule', async () => {
    const root = copyOfConfigs();
    const path = join(root, 'monitoring/alert_rules.yml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const exprLine = lines.findIndex((l) => /^\s+expr: [^|>]/.test(l));
    lines[exprLine] = lines[exprLine]!.replace(/expr:.*/, 'expr: rate(http_requests_total[5m] > 1');
    writeFileSync(path, lines.join('\n'));
    const { code, output } = await runCheckCli(['--root', root]);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`---> monitoring/alert_rules\\.yml:${exprLine + 1}`));
  });

  it('answers an unknown check id with what to do', async () => {
    const { code, output } = await runCheckCli(['--only', 'no-such-check']);
    expect(code).toBe(2);
    expect(output).toContain('no check id starts with no-such-check; run with --list to see them');
  });

  it('explains a check by its id, and names the close ids of an unknown one', async () => {
    const explained = await runCheckCli(['--explain', 'logstash/syntax']);
    expect(explained.code).toBe(0);
    expect(explained.output).toContain('# logstash/syntax');
    for (const part of ['What it finds.', 'Why it matters.', 'How to fix.', 'How to silence.']) expect(explained.output).toContain(`**${part}**`);
    const unknown = await runCheckCli(['--explain', 'logstash/syntx']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('no check has the id logstash/syntx; close ids: logstash/syntax');
  });

  it('lists a silenced finding with its reason, passes, and reports a stale silence', async () => {
    const root = copyOfConfigs();
    const path = join(root, 'monitoring/alert_rules.yml');
    const lines = readFileSync(path, 'utf8').split('\n');
    const team = lines.findIndex((l) => /^\s+team: /.test(l));
    const labels = lines.slice(0, team).findLastIndex((l) => /^\s+labels:$/.test(l));
    const forLine = lines.slice(0, labels).findLastIndex((l) => /^\s+for: /.test(l));
    lines.splice(team, 1);
    lines.splice(labels, 0, '        # check: ignore alerts/required-fields -- the backend team owns every alert of this group');
    lines[forLine] += '  # check: ignore alerts/runbook -- moved to the wiki';
    writeFileSync(path, lines.join('\n'));
    const { code, output } = await runCheckCli(['--root', root, '--only', 'alerts/required-fields', 'alerts/runbook']);
    expect(output).toMatch(
      new RegExp(
        `silenced: \\[alerts/required-fields\\] monitoring/alert_rules\\.yml:${labels + 2} alert \\w+ has no \`team\` label\\n  by monitoring/alert_rules\\.yml:${labels + 1}: the backend team owns every alert of this group`,
      ),
    );
    expect(output).toContain(`[check/silence] stale silence: alerts/runbook ran and found nothing on line ${forLine + 1}`);
    expect(output).toMatch(/2 checks, 0 errors, 1 warnings, 1 silenced/);
    expect(code).toBe(0);

    // Without a reason the silence is an error naming its line, and the finding stands.
    writeFileSync(path, lines.join('\n').replace(' -- the backend team owns every alert of this group', ''));
    const bare = await runCheckCli(['--root', root, '--only', 'alerts/required-fields', '--json']);
    const run = JSON.parse(bare.output) as { problems: { check: string; line?: number; message: string }[]; silenced: unknown[] };
    expect(run.silenced).toEqual([]);
    expect(run.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'check/silence', line: labels + 1, message: 'silence of alerts/required-fields gives no reason, so it silences nothing' }),
        expect.objectContaining({ check: 'alerts/required-fields', line: labels + 2 }),
      ]),
    );
    expect(bare.code).toBe(1);
  });
});
