import { pollUntil } from '../waiting/poll-until.js';
import { captureApi, type CapturedRequest } from './captured-request.js';

/**
 * What to list. Every reader that polls names `after` (its mark) and `token` (its test's unique
 * cluster, which every notification of that test names): the listing then holds the test's own
 * requests only, however much the rest of the run sends. Whole-run listings once reached 17 MB
 * per poll and stalled the process that serves every stack's receivers.
 */
export interface RequestFilter {
  /** Only requests whose path starts with this. */
  path?: string;
  /** Only requests with a higher sequence number (a `mark()`). */
  after?: number;
  /** Only requests whose body contains this text (the server filters: the listing stays small). */
  token?: string;
}

/** A listing is a read: tried again this many times when the connection fails, then a named error. */
const listingAttempts = 3;

/**
 * Reads what a capture server received, from any process of the run. `mark()` then
 * `waitFor(..., { after })` scopes a test to the requests that arrived after it began.
 */
export class CaptureClient {
  constructor(readonly baseUrl: string) {}

  async requests(filter: RequestFilter = {}): Promise<{ latest: number; requests: CapturedRequest[] }> {
    const query = new URLSearchParams({ after: String(filter.after ?? 0), path: filter.path ?? '' });
    if (filter.token !== undefined) {
      if (!filter.token) throw new Error('capture listing: token must not be empty (it would match every request); leave it out to list them all');
      query.set('token', filter.token);
    }
    const url = `${this.baseUrl}${captureApi}/requests?${query}`;
    const failures: string[] = [];
    for (let attempt = 1; attempt <= listingAttempts; attempt++) {
      let res: Response;
      let body: string;
      try {
        res = await fetch(url);
        body = await res.text();
      } catch (error) {
        // The connection failed or the body was cut off: a read is safe to repeat.
        failures.push(describeFetchError(error));
        if (attempt < listingAttempts) await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        continue;
      }
      // Any answer but 200 is the server's verdict: repeating the same read changes nothing.
      if (!res.ok) throw new Error(`capture server answered ${res.status} for ${url}: ${body.slice(0, 300)}`);
      return JSON.parse(body) as { latest: number; requests: CapturedRequest[] };
    }
    throw new Error(`capture server: GET ${url} failed ${listingAttempts} times: ${failures.join('; ')}`);
  }

  /** The sequence number of the newest request so far: pass it as `after` to see only later ones. */
  async mark(): Promise<number> {
    return (await this.requests({ path: '/__nothing__' })).latest;
  }

  /** Waits for a request matching `match` (and the filter), bounded by `timeoutMs`. */
  async waitFor(match: (r: CapturedRequest) => boolean, options: RequestFilter & { timeoutMs?: number; what?: string } = {}): Promise<CapturedRequest> {
    const { path, after, token } = options;
    let seen: CapturedRequest[] = [];
    return pollUntil(
      async () => {
        seen = (await this.requests({ path, after, token })).requests;
        return seen.find(match);
      },
      { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 100, what: options.what ?? `a request to ${path ?? 'any path'} matching the predicate` },
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

/** fetch says only "fetch failed"; the cause (undici's SocketError, ECONNREFUSED) says what happened. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.message ? `${error.message} (${cause.code ?? 'cause'}: ${cause.message})` : error.message;
}
