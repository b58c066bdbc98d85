import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.js';

/**
 * The default root the configs are read from: the repository (two levels above src/sources/), or
 * HARNESS_ROOT. The CLIs (`check`, `diff`, `reproduce`) never set HARNESS_ROOT: their `--root`
 * becomes a Workspace (or root) they pass down, and this is only the default they pass without
 * it, and the tree the canonical helpers and tests read. HARNESS_ROOT remains for child processes
 * that run those canonical helpers on another tree: bench/scale's stages (bench/scale.ts,
 * bench/scale/generate-tree.ts) and the rules project run by tests/cli/coverage-threshold.test.ts.
 */
export const repoRoot = process.env.HARNESS_ROOT ? resolve(process.env.HARNESS_ROOT) : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a repo-relative path (absolute paths pass through). */
export function repoPath(path: string): string {
  return isAbsolute(path) ? path : join(repoRoot, path);
}

/** Repo-relative form of a path, for messages. */
export function displayPath(path: string): string {
  const rel = relative(repoRoot, repoPath(path));
  return rel.startsWith('..') ? path : rel;
}

/** Reads a file, or fails with a message that names it and says what is expected there. */
export function readRepoFile(path: string, whatItIs = 'this file'): string {
  const abs = repoPath(path);
  if (!existsSync(abs)) {
    throw new ConfigError(displayPath(path), `config file is missing`, `create ${whatItIs} at ${displayPath(path)}, or fix the path that names it`);
  }
  return readFileSync(abs, 'utf8');
}
