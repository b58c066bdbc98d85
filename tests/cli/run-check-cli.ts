import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/sources/repo-files.js';

/** Runs `npm run check` exactly as a user does (the CLI through tsx), with extra arguments. */
export function runCheckCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/check.ts'), ...args],
      { cwd: repoRoot, timeout: 600_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr });
      },
    );
  });
}

/** A throwaway copy of the configs a check reads, to break on purpose. */
export function copyOfConfigs(): string {
  const root = mkdtempSync(join(tmpdir(), 'check-copy-'));
  for (const dir of ['monitoring', 'k8s', 'docs', 'fixtures', 'app']) {
    if (existsSync(join(repoRoot, dir))) cpSync(join(repoRoot, dir), join(root, dir), { recursive: true });
  }
  for (const file of ['README.md', 'MONITORING_QUICKSTART.md', 'package.json']) {
    if (existsSync(join(repoRoot, file))) cpSync(join(repoRoot, file), join(root, file));
  }
  return root;
}
