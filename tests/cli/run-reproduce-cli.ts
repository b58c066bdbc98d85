import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../src/sources/repo-files.js';

/** Runs `npm run reproduce` as a user does (the CLI through tsx); `env` adds to the environment. */
export function runReproduceCli(args: string[], cwd = repoRoot, env: Record<string, string> = {}): Promise<{ code: number; output: string; stdout: string }> {
  return new Promise((resolve) => {
    const cli = [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/reproduce.ts'), ...args];
    execFile(process.execPath, cli, { cwd, timeout: 400_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ...env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr, stdout });
    });
  });
}
