import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../../src/sources/repo-files.js';
import { loopTimeout } from '../../../src/waiting/loop-time-timeout.js';

/** What start-and-hang.ts printed about itself. */
export interface HangingOwner {
  child: ChildProcess;
  pid: number;
  owner: string;
  reaperPid?: number;
  keeper?: string;
  why?: string;
  network: string;
}

/**
 * Starts start-and-hang.ts as another harness run would: its own process, owner token, reaper,
 * session keeper, network and Prometheus. Resolves once its engine is up.
 */
export function startHangingOwner(): Promise<HangingOwner> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/integration/support/start-and-hang.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<HangingOwner>((resolve, reject) => {
    // Bounded: an engine starts in seconds idle, a few minutes at most on a saturated machine.
    const clock = loopTimeout(240_000, () => {
      child.kill('SIGKILL');
      reject(new Error('start-and-hang.ts did not report its engine within 240 s'));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clock.cancel();
      resolve({ child, ...(JSON.parse(line) as Omit<HangingOwner, 'child'>) });
    });
    child.once('exit', (code) => {
      clock.cancel();
      reject(new Error(`start-and-hang.ts exited (${code}) before starting its engine`));
    });
  });
}

/** Kills the owner's process, and its tsx parent, with SIGKILL (either may be gone already). */
export function killOwner(owner: HangingOwner): void {
  killIfThere(owner.pid);
  owner.child.kill('SIGKILL');
}

export function killIfThere(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
