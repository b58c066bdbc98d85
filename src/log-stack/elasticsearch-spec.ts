import type { EngineSpec } from '../engines/engine.js';

/**
 * Elasticsearch for the pipeline tests: one node, no security (a test network of our own),
 * no disk watermarks (a nearly full CI disk would turn indices read-only), no GeoIP
 * downloads (no internet), and a heap that leaves room for Logstash on 2 cores / ~4 GiB.
 */
export function elasticsearchSpec(name: string): EngineSpec {
  return {
    engine: 'elasticsearch',
    name,
    ports: [9200],
    env: {
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      'cluster.routing.allocation.disk.threshold_enabled': 'false',
      'ingest.geoip.downloader.enabled': 'false',
      ES_JAVA_OPTS: '-Xms1g -Xmx1g',
    },
    memoryGiB: 2,
    ready: { http: { port: 9200, path: '/_cluster/health?wait_for_status=yellow&timeout=5s' } },
    // A cold start on 2 cores takes one to two minutes.
    startupTimeoutMs: 240_000,
  };
}
