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
});
