import type { ServerResponse } from 'node:http';
import type { HealthMetrics } from '../metrics/health-metrics.js';
import type { FaultInjection } from './fault-injection.js';

/**
 * GET /health: the example's dependency checks, each counted in health_checks_total.
 * `database` fails while the health fault is on (/fault/health?failing=true); the endpoint
 * then answers 503, as a load balancer or an orchestrator's probe expects.
 */
export async function answerHealth(health: HealthMetrics, faults: FaultInjection, res: ServerResponse): Promise<void> {
  const report = await health.run({
    database: () => !faults.current.healthFailing,
    cache: () => true,
  });
  res.writeHead(report.healthy ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: report.healthy ? 'ok' : 'failing', checks: report.checks }));
}
