import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * Serves the registry in the Prometheus text format with the content type Prometheus expects
 * (`text/plain; version=0.0.4`): Prometheus picks its parser by that header. Works as a
 * `node:http` handler and as an Express route handler alike.
 */
export function createMetricsHandler(registry: Registry): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${req.method ?? 'This method'} is not allowed on the metrics endpoint; scrape it with GET\n`);
      return;
    }
    let body: string;
    try {
      body = await registry.metrics();
    } catch (error) {
      // A failed collection (e.g. a pool reader that threw) fails the scrape visibly: Prometheus
      // marks the target down for it instead of storing numbers that are not current.
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`collecting metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
