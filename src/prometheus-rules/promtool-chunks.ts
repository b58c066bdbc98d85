import { availableParallelism } from 'node:os';

/**
 * How the rule suite spreads its promtool test files over several promtool runs. One run of
 * every file grows without bound with the suite (at 10x, 390 files, it outlived the 300 s a
 * local tool run may take, src/tools/local-tool.ts); runs of at most `filesPerChunk` files each
 * cost what today's whole suite costs, and each has its own time budget (one tool run's).
 * promtool tests each file on its own (cmd/promtool/unittest.go: the file loop calls
 * ruleUnitTest(f) for each file, with its own storage and rule manager, and only ORs whether any
 * failed), so splitting the file list changes no outcome, only how many processes start;
 * tests/rules/rule-chunks.test.ts holds the canonical suite to that.
 */
export interface ChunkOptions {
  /** Test files per promtool run (default 40: the 1x suite's size, well within one run's budget). */
  filesPerChunk?: number;
  /** promtool runs at once (default: the machine's parallelism, at most 4). */
  concurrency?: number;
}

export const defaultFilesPerChunk = 40;

/**
 * `files` dealt into the fewest chunks of at most `size`, like cards: file i goes to chunk
 * i mod n. Neighbouring files are alike in cost (a generated tree's copies of one scenario sort
 * side by side: ErrorBudgetSlowBurn, S2 ... S10), so cutting consecutive runs would put every
 * copy of the dearest scenario in one chunk; dealt, each chunk gets its share of each.
 */
export function chunkFiles<T>(files: readonly T[], size = defaultFilesPerChunk): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`filesPerChunk must be a whole number of at least 1, not ${size}`);
  const count = Math.ceil(files.length / size);
  return Array.from({ length: count }, (_, chunk) => files.filter((_, i) => i % count === chunk));
}

/** promtool is single-threaded per file; more runs than cores only make each slower. */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * Runs `work` over every item, at most `limit` at once; results in the items' order, whatever
 * order they finish in, so merged reports read the same on every run.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
