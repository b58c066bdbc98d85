/** One request the capture server received, as tests see it. */
export interface CapturedRequest {
  /** Increasing per server, so tests can ask for "what came after #n". */
  seq: number;
  receivedAt: string;
  method: string;
  /** Path without the query string, e.g. `/slack/warning`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body was not JSON (see `text`). */
  json?: unknown;
  text: string;
  /**
   * How the capture server answered: the status, or `held` while it holds the request open
   * (a receiver that times out), `abandoned` when the sender gave up on a held request.
   */
  answer?: number | 'held' | 'abandoned';
}

/** Path prefix of the capture server's own API; every other path is captured. */
export const captureApi = '/__capture';
