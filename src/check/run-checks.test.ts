import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { SourceFiles } from '../sources/source-files.js';
import type { Check } from './check.js';
import { runChecks } from './run-checks.js';

/** Synthetic checks over a synthetic root: which silences apply, and which are stale. */
describe('runChecks with silences', () => {
  const root = mkdtempSync(join(tmpdir(), 'run-checks-'));
  mkdirSync(join(root, 'monitoring'));
  writeFileSync(
    join(root, 'monitoring/a.yml'),
    [
      'a: 1  # check: ignore t/finds -- known and accepted',
      'b: 2  # check: ignore t/clean -- nothing here any more',
      'c: 3  # check: ignore t/throws -- it never got this far',
      'd: 4  # check: ignore t/not-run -- no tool here',
    ].join('\n'),
  );
  const check = (id: string, run: Check['run']): Check => ({ id, description: id, run });
  const checks = [
    check('t/finds', async () => [{ check: 't/finds', file: 'monitoring/a.yml', line: 1, message: 'found', severity: 'error' }]),
    check('t/clean', async () => []),
    check('t/throws', async () => {
      throw new ConfigError('monitoring/missing.yml', 'config file is missing');
    }),
    check('t/not-run', async (ctx) => {
      ctx.notRun('a tool', 'not installed');
      return [];
    }),
  ];

  it('silences, and calls stale only the silence of a check that ran to the end', async () => {
    const run = await runChecks(checks, new SourceFiles(root), { knownIds: checks.map((c) => c.id) });
    expect(run.silenced).toEqual([{ problem: expect.objectContaining({ check: 't/finds', line: 1 }), reason: 'known and accepted', at: 'monitoring/a.yml:1' }]);
    expect(run.problems.map((p) => `${p.check} ${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([
      'check/silence monitoring/a.yml:2 stale silence: t/clean ran and found nothing on line 2',
      't/throws monitoring/missing.yml: config file is missing',
    ]);
    expect(run.notRun).toEqual([{ what: 'a tool', why: 'not installed', check: 't/not-run' }]);
  });
});
