import { performance } from 'node:perf_hooks';

/**
 * Says what is starting, ticks while it takes (a busy machine can take tens of seconds to start a
 * container, and silence then looks like a hang), and says when it is done and how long it took.
 */
export async function withProgress<T>(write: (line: string) => void, what: string, work: () => Promise<T>, tickMs = 3000): Promise<T> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  write(`  … ${what}`);
  const ticker = setInterval(() => write(`    still ${what} (${seconds()} s)`), tickMs);
  try {
    const result = await work();
    write(`  ✓ ${what} (${seconds()} s)`);
    return result;
  } catch (error) {
    write(`  ✗ ${what} (${seconds()} s)`);
    throw error;
  } finally {
    clearInterval(ticker);
  }
}
