import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiffInputError } from './diff-input-error.js';
import { archiveConfigs, describeCommit, resolveRevision, workingTreeConfigFiles } from './git-revision.js';

/** A throwaway repository: a first commit without monitoring/, then one with it, then an edit. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diff-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir });
  git('init', '-q');
  writeFileSync(join(dir, 'README.md'), 'nothing yet\n');
  git('add', '.');
  git('commit', '-qm', 'no configs');
  mkdirSync(join(dir, 'monitoring/sub'), { recursive: true });
  writeFileSync(join(dir, 'monitoring/prometheus.yml'), 'version: 1\n');
  writeFileSync(join(dir, 'monitoring/sub/rules.yml'), 'groups: []\n');
  writeFileSync(join(dir, '.gitignore'), 'monitoring/secrets/\n');
  git('add', '.');
  git('commit', '-qm', 'configs');
  writeFileSync(join(dir, 'monitoring/prometheus.yml'), 'version: 2\n');
  return dir;
}

describe('git revisions of the configs', () => {
  const repo = repository();

  it('resolves a revision to its commit, and describes it in one line', async () => {
    const commit = await resolveRevision('HEAD', repo);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await describeCommit(commit, repo)).toBe(`${commit.slice(0, 7)} configs`);
  });

  it('names an unknown revision and says how to list them', async () => {
    const error = await resolveRevision('no-such-branch', repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiffInputError);
    expect((error as DiffInputError).message).toBe(`unknown revision "no-such-branch": git cannot resolve it to a commit in ${repo}`);
    expect((error as DiffInputError).hint).toMatch(/git log --oneline/);
  });

  it('does not take an option for a revision', async () => {
    await expect(resolveRevision('--all', repo)).rejects.toThrow('"--all" is not a revision');
  });

  it('says so outside a git repository', async () => {
    await expect(resolveRevision('HEAD', mkdtempSync(join(tmpdir(), 'diff-nogit-')))).rejects.toThrow(/is not a git repository/);
  });

  it('unpacks the committed monitoring/ of a revision, not the working tree', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'diff-side-'));
    await archiveConfigs(await resolveRevision('HEAD', repo), repo, dest);
    expect(readFileSync(join(dest, 'monitoring/prometheus.yml'), 'utf8')).toBe('version: 1\n');
    expect(readFileSync(join(dest, 'monitoring/sub/rules.yml'), 'utf8')).toBe('groups: []\n');
  });

  it('refuses a revision that has no monitoring/, naming it', async () => {
    const first = await resolveRevision('HEAD~1', repo);
    await expect(archiveConfigs(first, repo, mkdtempSync(join(tmpdir(), 'diff-side-')))).rejects.toThrow(`commit ${first.slice(0, 7)} has no monitoring/ folder`);
  });

  it('lists the working tree configs a commit would take: untracked yes, ignored no', async () => {
    mkdirSync(join(repo, 'monitoring/secrets'), { recursive: true });
    writeFileSync(join(repo, 'monitoring/secrets/token'), 'secret\n');
    writeFileSync(join(repo, 'monitoring/new.yml'), 'new: true\n');
    expect(await workingTreeConfigFiles(repo)).toEqual(['monitoring/new.yml', 'monitoring/prometheus.yml', 'monitoring/sub/rules.yml']);
  });
});
