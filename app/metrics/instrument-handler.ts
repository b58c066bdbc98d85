import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRecorder } from './error-recorder.js';
import { markFailed } from './failed-responses.js';
import type { HttpMiddleware } from './http-middleware.js';
import { describe, MetricsUsageError } from './label-values.js';

/** A plain `node:http` request handler; it may return a promise. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Told about every error a handler raised, after it was recorded (log it here). */
export type ErrorListener = (error: unknown, req: IncomingMessage, status: number) => void;

const logToStderr: ErrorListener = (error, req, status) => {
  console.error(`${req.method ?? '?'} ${req.url ?? '?'} failed with ${status}:`, error);
};

/**
 * Wraps a `node:http` handler with the HTTP middleware and the error recorder. Node has no
 * error handling of its own for request handlers: a throw would crash the process and a
 * rejected promise would leave the client waiting. Here either becomes the status the
 * recorder chose (400 for a ValidationError, 500 by default), answered when the headers
 * are still unsent, or a cut connection counted as that status when they are not.
 */
export function instrumentHandler(
  middleware: HttpMiddleware,
  errors: ErrorRecorder,
  handler: RequestHandler,
  onError: ErrorListener = logToStderr,
): (req: IncomingMessage, res: ServerResponse) => void {
  if (typeof handler !== 'function') {
    throw new MetricsUsageError(`instrumentHandler: expected a request handler (req, res) => void, got ${describe(handler)}`);
  }
  const fail = (error: unknown, req: IncomingMessage, res: ServerResponse) => {
    const status = errors.record(error);
    onError(error, req, status);
    if (!res.headersSent) {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(status < 500 && error instanceof Error ? `${error.message}\n` : `${status}\n`);
    } else {
      markFailed(res, status);
      res.destroy();
    }
  };
  return (req, res) => {
    middleware(req, res);
    try {
      const result = handler(req, res);
      if (isPromiseLike(result)) result.then(undefined, (error: unknown) => fail(error, req, res));
    } catch (error) {
      fail(error, req, res);
    }
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
