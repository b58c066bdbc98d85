import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/sources/repo-files.js';

export interface ConfigsRepository {
  /** The repository's folder (remove it when done). */
  dir: string;
  /** Runs git in it, with an author of its own: no user configuration needed. */
  git(...args: string[]): Buffer;
}

/**
 * A throwaway git repository with this repository's configs and scenarios (monitoring/,
 * fixtures/) in one commit, `canonical configs`: what diff and reproduce tests edit, commit or
 * leave uncommitted, then point `--root` at. The stand-in image choice (.env.images, written by
 * `npm run images:offline`, not committed) comes along, for machines without local tools.
 */
export function configsRepository(prefix: string): ConfigsRepository {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const folder of ['monitoring', 'fixtures']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  if (existsSync(join(repoRoot, '.env.images'))) cpSync(join(repoRoot, '.env.images'), join(dir, '.env.images'));
  const git = (...args: string[]) => execFileSync('git', ['-c', `user.name=${prefix} test`, '-c', `user.email=${prefix}@example.invalid`, ...args], { cwd: dir });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'canonical configs');
  return { dir, git };
}
