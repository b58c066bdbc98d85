import type { ServerResponse } from 'node:http';

/**
 * Responses the server gave up on after their headers were out (an error mid-body), with
 * the status they stand for. The middleware sees such a response close unfinished, which
 * it would otherwise take for a client that went away (499); a server fault must count as
 * a 5xx, or HighErrorRate would not see it.
 */
const failed = new WeakMap<ServerResponse, number>();

export function markFailed(res: ServerResponse, status: number): void {
  failed.set(res, status);
}

export function failedStatusOf(res: ServerResponse): number | undefined {
  return failed.get(res);
}
