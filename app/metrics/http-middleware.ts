import type { IncomingMessage, ServerResponse } from 'node:http';
import { failedStatusOf } from './failed-responses.js';
import type { HttpMetrics } from './http-metrics.js';
import { describe, MetricsUsageError } from './label-values.js';
import { RouteTable, unmatchedRoute } from './route-table.js';

/** Express-style middleware; `next` is absent when a plain `node:http` handler calls it. */
export type HttpMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface HttpMiddlewareOptions {
  /** Route templates for servers without a router (`node:http`). Express apps need none. */
  routes?: readonly string[] | RouteTable;
  /** Your own router's answer, asked first; return undefined when it matched nothing. */
  routeOf?: (req: IncomingMessage) => string | undefined;
}

/**
 * The status label of a request whose client went away before the response was complete
 * (nginx's "client closed request"). Recording it keeps every request counted exactly once;
 * it is not a 5xx, so it does not burn the error budget.
 */
export const abandonedStatus = '499';

/** Methods kept as they are; anything else becomes OTHER, so junk methods can't mint series. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE']);

/**
 * Records every request once, when its last byte has been handed to the OS (or when its
 * client went away): count, duration, request and response body size, by method, route
 * template and status. The route is resolved at that point, after the app's router ran
 * (Express's template is caught while it routes: see watchExpressRoute).
 */
export function createHttpMiddleware(metrics: HttpMetrics, options: HttpMiddlewareOptions = {}): HttpMiddleware {
  const table = routeTableOf(options.routes);
  if (options.routeOf !== undefined && typeof options.routeOf !== 'function') {
    throw new MetricsUsageError(`createHttpMiddleware: routeOf must be a function (req) => string | undefined, got ${describe(options.routeOf)}`);
  }
  const resolveRoute = (req: IncomingMessage, expressRoute: string | undefined): string =>
    askRouteOf(options.routeOf, req) ?? expressRoute ?? (table && req.url !== undefined ? table.match(req.url) : undefined) ?? unmatchedRoute;

  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const expressRoute = watchExpressRoute(req);
    const responseBytes = countBodyBytes(res);
    let recorded = false;
    const record = (status: string) => {
      if (recorded) return;
      recorded = true;
      const method = (req.method ?? '').toUpperCase();
      metrics.record({
        method: knownMethods.has(method) ? method : 'OTHER',
        route: resolveRoute(req, expressRoute()),
        status,
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
        requestBytes: declaredBodyBytes(req),
        responseBytes: responseBytes(),
      });
    };
    res.once('finish', () => record(String(res.statusCode)));
    res.once('close', () => {
      if (res.writableFinished) record(String(res.statusCode));
      else record(String(failedStatusOf(res) ?? abandonedStatus));
    });
    next?.();
  };
}

/**
 * The app's own resolver, asked when the response is done. It runs in a response event,
 * where a throw would crash the server: a failing resolver is reported as a process
 * warning naming the URL, and the request is labelled by the other sources instead.
 */
function askRouteOf(routeOf: HttpMiddlewareOptions['routeOf'], req: IncomingMessage): string | undefined {
  if (!routeOf) return undefined;
  try {
    return routeOf(req);
  } catch (error) {
    process.emitWarning(`routeOf threw for ${req.method ?? '?'} ${req.url ?? '?'}: ${error instanceof Error ? error.message : String(error)}; labelled without it`, 'MetricsWarning');
    return undefined;
  }
}

function routeTableOf(routes: HttpMiddlewareOptions['routes']): RouteTable | undefined {
  if (routes === undefined || routes instanceof RouteTable) return routes;
  return new RouteTable(routes);
}

/**
 * The template of the last route Express matched, with its routers' mount paths. Express 5
 * (tested here) and 4 both assign `req.route` in Route.dispatch. It is read at that
 * assignment, because `req.baseUrl` is right only then: a
 * router restores it on the way out, so an error passed out of a mounted router would
 * otherwise be labelled `/:id` instead of `/api/classes/:id`.
 */
function watchExpressRoute(req: IncomingMessage): () => string | undefined {
  const withBase = req as IncomingMessage & { route?: unknown; baseUrl?: unknown };
  let route: unknown = withBase.route;
  let template: string | undefined;
  const remember = (value: unknown) => {
    route = value;
    const path = (value as { path?: unknown } | undefined)?.path;
    // A RegExp or array route prints as its definition: fixed per route, so still bounded.
    if (path === undefined || path === null) return;
    const base = typeof withBase.baseUrl === 'string' ? withBase.baseUrl : '';
    // router.get('/') under app.use('/api/classes', router) is "/api/classes", not "/api/classes/".
    template = base !== '' && path === '/' ? base : base + String(path);
  };
  remember(route);
  Object.defineProperty(req, 'route', { configurable: true, enumerable: true, get: () => route, set: remember });
  return () => template;
}

/**
 * The body size from Content-Length, 0 for a request without a body, and undefined for a
 * chunked body: counting it would mean reading the stream before the handler does.
 */
function declaredBodyBytes(req: IncomingMessage): number | undefined {
  const declared = req.headers['content-length'];
  if (declared !== undefined) return Number(declared);
  return req.headers['transfer-encoding'] === undefined ? 0 : undefined;
}

/** Counts the body bytes the handler writes, whatever mix of write() and end() it uses. */
function countBodyBytes(res: ServerResponse): () => number {
  let bytes = 0;
  const add = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    add(chunk, rest[0]);
    return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    add(chunk, rest[0]);
    return end.apply(this, [chunk, ...rest] as Parameters<typeof end>);
  } as typeof res.end;
  return () => bytes;
}
