import type { ServerResponse } from 'node:http';
import type { FaultInjection } from './fault-injection.js';

/**
 * GET /health: the example's dependency checks. `database` fails while the health fault is
 * on (/fault/health?failing=true); the endpoint then answers 503, as a load balancer expects.
 */
export function answerHealth(faults: FaultInjection, res: ServerResponse): void {
  const checks = { database: faults.current.healthFailing ? 'fail' : 'pass', cache: 'pass' };
  const healthy = Object.values(checks).every((result) => result === 'pass');
  res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: healthy ? 'ok' : 'failing', checks }));
}
