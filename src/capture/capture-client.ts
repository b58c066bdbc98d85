import { pollUntil } from '../waiting/poll-until.js';
import { captureApi, type CapturedRequest } from './captured-request.js';

/**
 * Reads what a capture server received, from any process of the run. `mark()` then
 * `waitFor(..., { after })` scopes a test to the requests that arrived after it began.
 */
export class CaptureClient {
  constructor(readonly baseUrl: string) {}

  async requests(filter: { path?: string; after?: number } = {}): Promise<{ latest: number; requests: CapturedRequest[] }> {
    const query = new URLSearchParams({ after: String(filter.after ?? 0), path: filter.path ?? '' });
    const res = await fetch(`${this.baseUrl}${captureApi}/requests?${query}`);
    if (!res.ok) throw new Error(`capture server answered ${res.status} for its request list`);
    return (await res.json()) as { latest: number; requests: CapturedRequest[] };
  }

  /** The sequence number of the newest request so far: pass it as `after` to see only later ones. */
  async mark(): Promise<number> {
    return (await this.requests({ path: '/__nothing__' })).latest;
  }

  /** Waits for a request matching `match` (and the path prefix), bounded by `timeoutMs`. */
  async waitFor(match: (r: CapturedRequest) => boolean, options: { path?: string; after?: number; timeoutMs?: number; what?: string } = {}): Promise<CapturedRequest> {
    let seen: CapturedRequest[] = [];
    return pollUntil(
      async () => {
        seen = (await this.requests(options)).requests;
        return seen.find(match);
      },
      { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 100, what: options.what ?? `a request to ${options.path ?? 'any path'} matching the predicate` },
      () => seen.map((r) => ({ path: r.path, body: r.json ?? r.text.slice(0, 300) })),
    );
  }

  /** Makes requests under `path` fail with `status` (0 restores normal answers), or hang: held unanswered, as a receiver that times out. */
  async failPath(path: string, status: number | 'hang'): Promise<void> {
    const body = status === 'hang' ? { path, hang: true } : { path, status };
    const res = await fetch(`${this.baseUrl}${captureApi}/fail`, { method: 'POST', body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`capture server refused the failure setting: ${res.status} ${await res.text()}`);
  }
}
