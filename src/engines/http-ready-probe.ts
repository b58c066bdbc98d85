import type { HttpReadyCheck } from './engine.js';

/**
 * One try of an HTTP ready check: the path answers 200 and, when the check has `accepts`, its
 * body is what it waits for. Each request may take 30 s: on a loaded machine an exporter
 * collecting /metrics takes longer than testcontainers' 1 s.
 */
export async function httpReadyProbe(url: string, check: HttpReadyCheck): Promise<true | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200 || !check.accepts) {
    await response.body?.cancel();
    return response.status === 200 ? true : undefined;
  }
  return check.accepts(await response.text()) ? true : undefined;
}

/** What a ready check waits for, for timeout messages. */
export function httpReadyAwaiting(check: HttpReadyCheck): string {
  return check.awaiting ?? `${check.path} to answer 200`;
}
