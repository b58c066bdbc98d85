import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pollUntil } from '../waiting/poll-until.js';

/**
 * Test files of a run share its stacks, and a file that restarts an Alertmanager, counts the
 * pages a receiver got or waits out a `for` must have its stacks to itself. When files run side
 * by side (the integration project runs several at once: most of their time is spent waiting
 * on compressed engine clocks, not on the CPU), each file first takes a lease on every stack it
 * uses, and files that share a stack take turns.
 *
 * A lease is a directory under the run's lease folder: mkdir is atomic on one file system, so
 * of two workers asking at once exactly one gets it, whatever process each runs in. Keys are
 * taken in sorted order, so two files that need the same two stacks never wait on each other.
 * The holder's file name is written inside, to say who is in the way when a wait runs out.
 */
export interface LeaseOptions {
  /** The run's lease folder (globalSetup creates it and removes it at the end of the run). */
  dir: string;
  /** Who asks: the test file, repository-relative. */
  holder: string;
  /** Give up waiting for one stack after this long; the error names the file holding it. */
  timeoutMs: number;
  /** Pause between attempts (default 250 ms). */
  intervalMs?: number;
}

/** Takes a lease on each of `keys` (waiting for files that hold them) and returns the release. */
export async function takeStackLeases(keys: readonly string[], options: LeaseOptions): Promise<() => Promise<void>> {
  const taken: string[] = [];
  const release = async () => {
    for (const path of taken.reverse()) await rm(path, { recursive: true, force: true });
  };
  try {
    for (const key of [...new Set(keys)].sort()) {
      const path = join(options.dir, key);
      await pollUntil(
        async () => ((await tryTake(path, options.holder)) ? true : undefined),
        { timeoutMs: options.timeoutMs, intervalMs: options.intervalMs ?? 250, what: `stack "${key}" to be free for ${options.holder}` },
        () => holderOf(path),
      );
      taken.push(path);
    }
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}

async function tryTake(path: string, holder: string): Promise<boolean> {
  try {
    await mkdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  await writeFile(join(path, 'holder'), holder);
  return true;
}

/** Who holds a lease, for the timeout message (the holder file may not be written yet). */
function holderOf(path: string): string {
  try {
    return `held by ${readFileSync(join(path, 'holder'), 'utf8')}`;
  } catch {
    return 'held (holder not yet written)';
  }
}
