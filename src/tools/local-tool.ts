import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runProcess } from './run-process.js';
import type { ToolResult } from './tool-result.js';

/** The first executable `name` on the PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** What `<binary> --version` said: a version, or why there is no answer (not a version). */
export type VersionProbe = { version: string } | { failure: string };

// `--version` answers in milliseconds on an idle machine; the budget is free event-loop time,
// so only a binary that really hangs can spend it.
const probeBudgetMs = 30_000;

/**
 * Asks a local binary its version, once more if the first attempt gave no answer (killed, no
 * version in its output): one failure on a busy machine must not decide which tool runs.
 */
export async function probeVersion(binary: string): Promise<VersionProbe> {
  let probe: VersionProbe = { failure: 'not asked' };
  for (let attempt = 1; attempt <= 2; attempt++) {
    const run = await runProcess(binary, ['--version'], { timeoutMs: probeBudgetMs });
    const version = /version (\d+\.\d+\.\d+)/.exec(run.stdout + run.stderr)?.[1];
    if (version) return { version };
    const said = (run.stdout + run.stderr).trim().split('\n')[0] || 'nothing';
    probe = { failure: run.timedOut ? `\`${binary} --version\` did not answer` : `\`${binary} --version\` exited ${run.exitCode} and said ${said}` };
  }
  return probe;
}

/** Runs a local binary; a run may take minutes (a long `promtool test rules`). */
export function localRunner(binary: string): (args: readonly string[], cwd: string) => Promise<ToolResult> {
  return async (args, cwd) => {
    const run = await runProcess(binary, args, { cwd, timeoutMs: 300_000 });
    return { exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr, via: `local ${binary}`, timedOut: run.timedOut };
  };
}
