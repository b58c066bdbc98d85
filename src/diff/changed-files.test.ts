import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles } from './changed-files.js';
import { openSide } from './config-side.js';
import { Workspace } from '../workspace/workspace.js';

describe('changedFiles, between a revision and the working tree', () => {
  it('lists added, removed and modified files under monitoring/, and which of them the diff evaluates', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'diff-files-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo });
    const write = (path: string, text: string) => {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    };
    write('monitoring/prometheus.yml', 'a\n');
    write('monitoring/alertmanager/templates/slack.tmpl', 'old\n');
    write('monitoring/gone.yml', 'x\n');
    write('monitoring/same.yml', 'same\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    write('monitoring/prometheus.yml', 'b\n');
    write('monitoring/alertmanager/templates/slack.tmpl', 'new\n');
    write('monitoring/new.yml', 'n\n');
    rmSync(join(repo, 'monitoring/gone.yml'));

    const base = await openSide('base', 'HEAD', new Workspace(repo));
    const head = await openSide('head', undefined, new Workspace(repo));
    expect(base.display(base.path('monitoring/prometheus.yml'))).toBe('monitoring/prometheus.yml');
    expect(await changedFiles(base, head, new Set(['monitoring/prometheus.yml']))).toEqual([
      { file: 'monitoring/alertmanager/templates/slack.tmpl', status: 'modified', evaluated: false },
      { file: 'monitoring/gone.yml', status: 'removed', evaluated: false },
      { file: 'monitoring/new.yml', status: 'added', evaluated: false },
      { file: 'monitoring/prometheus.yml', status: 'modified', evaluated: true },
    ]);
    await base.dispose();
    expect(existsSync(base.root)).toBe(false);
  });
});
