export interface PollOptions {
  /** Give up after this long. */
  timeoutMs: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** What is being waited for, for the timeout message: "HighErrorRate to fire". */
  what: string;
}

export class PollTimeoutError extends Error {
  constructor(
    what: string,
    timeoutMs: number,
    readonly lastSeen: unknown,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(lastSeen)}`);
    this.name = 'PollTimeoutError';
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * Calls `attempt` until it returns something other than undefined, then returns that.
 * Bounded in time (timeoutMs) and therefore in count; attempts that throw count as "not yet"
 * and the last error is shown if time runs out. `observe` supplies what to show on timeout.
 */
export async function pollUntil<T>(attempt: () => Promise<T | undefined> | T | undefined, options: PollOptions, observe?: () => unknown): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  let lastSeen: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
      lastSeen = observe?.();
    } catch (error) {
      lastSeen = error;
    }
    if (Date.now() + interval > deadline) throw new PollTimeoutError(options.what, options.timeoutMs, lastSeen);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
