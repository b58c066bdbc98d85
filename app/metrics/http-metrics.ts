import { Counter, Histogram, type Registry } from 'prom-client';
import { durationSecondsBuckets, sizeBytesBuckets } from './buckets.js';

/** One finished (or abandoned) request, as the middleware saw it. */
export interface RequestObservation {
  method: string;
  /** The route TEMPLATE (`/api/timelines/:id`), never the raw URL. */
  route: string;
  status: string;
  durationSeconds: number;
  /** Body bytes the client declared; undefined when it could not be known without reading the body. */
  requestBytes: number | undefined;
  responseBytes: number;
}

export interface HttpMetrics {
  record(observation: RequestObservation): void;
}

/** The four HTTP metrics of the contract, registered on `registry`. */
export function createHttpMetrics(registry: Registry): HttpMetrics {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending the last byte of its response.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [...durationSecondsBuckets],
    registers: [registry],
  });
  const requestSize = new Histogram({
    name: 'http_request_size_bytes',
    help: 'Size of request bodies.',
    labelNames: ['method', 'route'] as const,
    buckets: [...sizeBytesBuckets],
    registers: [registry],
  });
  const responseSize = new Histogram({
    name: 'http_response_size_bytes',
    help: 'Size of response bodies.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [...sizeBytesBuckets],
    registers: [registry],
  });

  // The first request of a method and route also creates its status="500" count at 0: a
  // series that first appears already at 1 is invisible to rate(), so without it the first
  // burst of errors on a route would be missed by the error-rate alerts.
  const seen = new Set<string>();

  return {
    record({ method, route, status, durationSeconds, requestBytes, responseBytes }) {
      const labels = { method, route, status };
      if (!seen.has(`${method} ${route}`)) {
        seen.add(`${method} ${route}`);
        requests.inc({ method, route, status: '500' }, 0);
      }
      requests.inc(labels);
      duration.observe(labels, durationSeconds);
      responseSize.observe(labels, responseBytes);
      if (requestBytes !== undefined) requestSize.observe({ method, route }, requestBytes);
    },
  };
}
