/**
 * A timeout that counts only the time the event loop was free to notice the thing it waits for.
 *
 * A plain setTimeout measures wall time. When synchronous work blocks the loop (a CPU-heavy
 * check, a loaded machine: 26 s was measured), a child process that exited long ago is still
 * unnoticed when the loop comes back, and libuv runs expired timers before it polls for I/O:
 * the timer wins, and a healthy tool is reported as timed out. Here time advances in ticks,
 * and one tick can never count for more than `2 × tickMs`, however late it fires; when the
 * budget is spent, the decision still waits one turn of the loop (setImmediate runs after the
 * poll phase), so an exit that was already pending is seen first and `stillWaiting` says no.
 */
export interface LoopTimeout {
  /** Stops the clock; onTimeout will not run. */
  cancel(): void;
}

export interface LoopTimeoutOptions {
  /** Checked just before onTimeout runs: return false when the awaited thing has happened. */
  stillWaiting?: () => boolean;
  /** Resolution of the clock (default 250 ms). */
  tickMs?: number;
}

export function loopTimeout(budgetMs: number, onTimeout: () => void, options: LoopTimeoutOptions = {}): LoopTimeout {
  const tickMs = options.tickMs ?? 250;
  let spent = 0;
  let last = performance.now();
  let cancelled = false;
  const interval = setInterval(() => {
    const now = performance.now();
    spent += Math.min(now - last, 2 * tickMs);
    last = now;
    if (spent < budgetMs) return;
    clearInterval(interval);
    setImmediate(() => {
      if (!cancelled && (options.stillWaiting?.() ?? true)) onTimeout();
    });
  }, tickMs);
  return {
    cancel() {
      cancelled = true;
      clearInterval(interval);
    },
  };
}
