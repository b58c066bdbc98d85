import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DiffInputError } from './diff-input-error.js';

/** The folder whose files decide alerting behaviour (rules, prometheus.yml, alertmanager.yml). */
export const configDir = 'monitoring';

const listRevisions = 'list revisions with `git log --oneline` (branches: `git branch -a`, tags: `git tag`)';

function git(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') resolve({ code: 127, stdout: '', stderr: 'git is not installed' });
      else resolve({ code, stdout, stderr });
    });
  });
}

/** The commit `rev` names in the repository at `cwd`, or a DiffInputError that says how to find one. */
export async function resolveRevision(rev: string, cwd: string): Promise<string> {
  if (rev.startsWith('-')) throw new DiffInputError(`"${rev}" is not a revision`, listRevisions);
  const inside = await git(['rev-parse', '--is-inside-work-tree'], cwd);
  if (inside.code !== 0) throw new DiffInputError(`${cwd} is not a git repository (${inside.stderr.trim()})`, 'run the diff inside a clone of the repository, or pass --root <checkout>');
  const found = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  if (found.code !== 0) throw new DiffInputError(`unknown revision "${rev}": git cannot resolve it to a commit in ${cwd}`, listRevisions);
  return found.stdout.trim();
}

/** `abc1234 subject` of a commit, for the report's header. */
export async function describeCommit(commit: string, cwd: string): Promise<string> {
  const shown = await git(['log', '-1', '--format=%h %s', commit], cwd);
  const line = shown.code === 0 ? shown.stdout.trim() : commit.slice(0, 7);
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}

/**
 * Writes the committed `monitoring/` of `commit` into `dest`/monitoring. `git archive` reads
 * the object store only: it needs no worktree registration in the shared .git (which
 * `git worktree add` would write while others work in this clone) and copies one folder, not
 * the whole tree. Caveat: `export-ignore` / `export-subst` attributes in .gitattributes would
 * apply to it; this repository sets none.
 */
export async function archiveConfigs(commit: string, cwd: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  const tar = join(dest, 'configs.tar');
  const archived = await git(['archive', '--format=tar', '-o', tar, commit, configDir], cwd);
  if (archived.code !== 0) {
    const short = commit.slice(0, 7);
    throw new DiffInputError(
      `commit ${short} has no ${configDir}/ folder (git archive: ${archived.stderr.trim()})`,
      `pick a revision that has the configs: \`git log --oneline -- ${configDir}/prometheus.yml\``,
    );
  }
  await new Promise<void>((resolve, reject) => {
    execFile('tar', ['-xf', tar, '-C', dest], { timeout: 60_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`tar could not unpack ${tar}: ${stderr || error.message}`)) : resolve()));
  });
  await rm(tar, { force: true });
}

/**
 * The working tree's files under monitoring/ as a commit would take them: tracked ones still
 * on disk and untracked ones git does not ignore (a local secret file is not a config change).
 */
export async function workingTreeConfigFiles(cwd: string): Promise<string[]> {
  const listed = await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', configDir], cwd);
  if (listed.code !== 0) throw new DiffInputError(`git ls-files failed in ${cwd}: ${listed.stderr.trim()}`, 'run the diff inside a clone of the repository, or pass --root <checkout>');
  return [...new Set(listed.stdout.split('\0').filter(Boolean))].sort();
}
