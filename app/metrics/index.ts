// The application's metrics module: start with createAppMetrics(); README.md shows the rest.
export { createAppMetrics, type AppMetrics } from './app-metrics.js';
export { durationSecondsBuckets, sizeBytesBuckets } from './buckets.js';
export type { BusinessMetrics } from './business-metrics.js';
export type { CacheMetrics } from './cache-metrics.js';
export type { DbMetrics } from './db-metrics.js';
export type { ErrorRecorder } from './error-recorder.js';
export type { HealthCheck, HealthMetrics, HealthReport } from './health-metrics.js';
export { abandonedStatus, createHttpMiddleware, type HttpMiddleware, type HttpMiddlewareOptions } from './http-middleware.js';
export { createHttpMetrics, type HttpMetrics, type RequestObservation } from './http-metrics.js';
export { instrumentHandler, type ErrorListener, type RequestHandler } from './instrument-handler.js';
export { MetricsUsageError } from './label-values.js';
export { createMetricsHandler } from './metrics-handler.js';
export type { PoolMetrics, PoolState } from './pool-metrics.js';
export { createMetricsRegistry, processMetricPrefixes, type RegistryOptions } from './registry.js';
export { RouteTable, unmatchedRoute } from './route-table.js';
export { ValidationError } from './validation-error.js';
