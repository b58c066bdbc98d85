import { describe, expect, it, type TestContext } from 'vitest';
import { ConfigError } from '../../sources/config-error.js';
import { readRepoFile } from '../../sources/repo-files.js';
import { writeTempFiles } from '../../../tests/support/test-files.js';
import { describeTool, ToolUnavailableError } from '../../tools/tool-runner.js';
import { amtoolCheckConfigProblems } from './amtool-check-config.js';
import { repoRoot } from '../../sources/repo-files.js';
import { SourceFiles } from '../../sources/source-files.js';

const repository = new SourceFiles(repoRoot);

const canonical = readRepoFile('monitoring/alertmanager.yml');

/** amtool runs locally or in the pinned image; without either the test says so and skips. */
async function needAmtool(ctx: TestContext): Promise<void> {
  try {
    await describeTool('amtool');
  } catch (error) {
    if (error instanceof ToolUnavailableError) ctx.skip(error.message);
    throw error;
  }
}
const problemsOf = (text: string) => amtoolCheckConfigProblems(repository, writeTempFiles({ 'alertmanager.yml': text }).path('alertmanager.yml'));

describe('alertmanager/amtool (real amtool check-config)', () => {
  it('passes the canonical config, its templates included', async (ctx) => {
    await needAmtool(ctx);
    expect(await amtoolCheckConfigProblems(repository)).toEqual([]);
  });

  it('reports an unknown field at its line', async (ctx) => {
    await needAmtool(ctx);
    const lines = canonical.split('\n');
    const at = lines.indexOf('  group_wait: 5s');
    lines[at] = '  group_wiat: 5s';
    const problems = await problemsOf(lines.join('\n'));
    expect(problems.map((p) => [p.line, p.message])).toContainEqual([at + 1, 'field group_wiat not found in type config.plain']);
  });

  it('reports an undefined receiver at the line that names it', async (ctx) => {
    await needAmtool(ctx);
    const broken = canonical.replace('      receiver: slack-info\n', '      receiver: slack-infos\n');
    const line = broken.split('\n').findIndex((l) => l.includes('receiver: slack-infos')) + 1;
    expect((await problemsOf(broken)).map((p) => [p.line, p.message])).toEqual([[line, 'undefined receiver "slack-infos" used in route']]);
  });

  it('reports a template that does not parse at its own file and line', async (ctx) => {
    await needAmtool(ctx);
    const templates = writeTempFiles({ 'good.tmpl': '{{ define "a" }}a{{ end }}\n', 'bad.tmpl': '{{ define "b" }}\n{{ nosuchfunc . }}\n{{ end }}\n' });
    const config = writeTempFiles({ 'alertmanager.yml': canonical }).path('alertmanager.yml');
    const problems = await amtoolCheckConfigProblems(repository, config, undefined, templates.dir);
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([[`${templates.dir}/bad.tmpl`, 2, 'function "nosuchfunc" not defined']]);
  });

  it('a YAML syntax error is a ConfigError at its line, before amtool runs', async () => {
    const error = await problemsOf('route:\n  receiver: a\n  group_by: [alertname\nreceivers: [{name: a}]\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ line: 4 });
  });
});
