import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { createBusinessMetrics, type BusinessMetrics } from './business-metrics.js';
import { createCacheMetrics, type CacheMetrics } from './cache-metrics.js';
import { createDbMetrics, type DbMetrics } from './db-metrics.js';
import { createErrorRecorder, type ErrorRecorder } from './error-recorder.js';
import { createHealthMetrics, type HealthMetrics } from './health-metrics.js';
import { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
import { createHttpMiddleware, type HttpMiddleware, type HttpMiddlewareOptions } from './http-middleware.js';
import { instrumentHandler, type ErrorListener, type RequestHandler } from './instrument-handler.js';
import { createMetricsHandler } from './metrics-handler.js';
import { createPoolMetrics, type PoolMetrics } from './pool-metrics.js';
import { createMetricsRegistry, type RegistryOptions } from './registry.js';

/** Everything the application records, on one registry of its own. */
export interface AppMetrics {
  registry: Registry;
  http: HttpMetrics;
  db: DbMetrics;
  pool: PoolMetrics;
  cache: CacheMetrics;
  business: BusinessMetrics;
  errors: ErrorRecorder;
  health: HealthMetrics;
  /** Express-style `(req, res, next)` middleware; see createHttpMiddleware. */
  middleware(options?: HttpMiddlewareOptions): HttpMiddleware;
  /** A `node:http` handler with the middleware and error recording around it. */
  instrument(handler: RequestHandler, options?: HttpMiddlewareOptions & { onError?: ErrorListener }): (req: IncomingMessage, res: ServerResponse) => void;
  /** Serves GET /metrics. */
  metricsHandler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * Creates every metric of the contract (monitoring/metrics-contract.yml, `source: app`) on a
 * new registry. Call it once per process: two instances are two separate registries, which
 * is what tests want and what a server must avoid (each /metrics would show half).
 */
export function createAppMetrics(options: RegistryOptions = {}): AppMetrics {
  const registry = createMetricsRegistry(options);
  const http = createHttpMetrics(registry);
  const business = createBusinessMetrics(registry);
  const errors = createErrorRecorder(business);
  return {
    registry,
    http,
    db: createDbMetrics(registry),
    pool: createPoolMetrics(registry),
    cache: createCacheMetrics(registry),
    business,
    errors,
    health: createHealthMetrics(registry),
    middleware: (middlewareOptions) => createHttpMiddleware(http, middlewareOptions),
    instrument: (handler, { onError, ...middlewareOptions } = {}) => instrumentHandler(createHttpMiddleware(http, middlewareOptions), errors, handler, onError),
    metricsHandler: createMetricsHandler(registry),
  };
}
