import { Counter, type Registry } from 'prom-client';
import { describe, labelValue, MetricsUsageError } from './label-values.js';

/** A dependency check of /health: true (or nothing) when it passes; false or a throw when it fails. */
// biome-ignore lint/suspicious/noConfusingVoidType: a check that returns nothing passes; `void` is that part of the contract.
export type HealthCheck = () => boolean | void | Promise<boolean | void>;

export interface HealthReport {
  healthy: boolean;
  checks: Record<string, 'pass' | 'fail'>;
}

export interface HealthMetrics {
  /** Counts one result of check `check`. */
  record(check: string, result: 'pass' | 'fail'): void;
  /** Runs every check side by side, counts each result, and says whether all passed. */
  run(checks: Record<string, HealthCheck>): Promise<HealthReport>;
}

/**
 * health_checks_total{check, result}: HealthCheckFail alerts on
 * increase(health_checks_total{result="fail"}[1m]). A check's `fail` series is created at 0
 * the first time the check runs, because increase() cannot see the jump of a series that
 * first appears already at 1: the first failures after start would go unnoticed.
 */
export function createHealthMetrics(registry: Registry): HealthMetrics {
  const results = new Counter({
    name: 'health_checks_total',
    help: 'Dependency checks run by the /health endpoint, by check (database, cache) and result (pass|fail).',
    labelNames: ['check', 'result'] as const,
    registers: [registry],
  });

  const metrics: HealthMetrics = {
    record(check, result) {
      const name = labelValue('health.record', 'check', check, 'name the dependency ("database"), never the error it reported');
      if (result !== 'pass' && result !== 'fail') {
        throw new MetricsUsageError(`health.record: result must be "pass" or "fail", got ${describe(result)}`);
      }
      results.inc({ check: name, result: 'pass' }, 0);
      results.inc({ check: name, result: 'fail' }, 0);
      results.inc({ check: name, result });
    },
    async run(checks) {
      if (typeof checks !== 'object' || checks === null) {
        throw new MetricsUsageError(`health.run: expected { name: () => boolean }, got ${describe(checks)}`);
      }
      const entries = Object.entries(checks);
      for (const [name, check] of entries) {
        if (typeof check !== 'function') throw new MetricsUsageError(`health.run: check ${JSON.stringify(name)} must be a function, got ${describe(check)}`);
      }
      const outcomes = await Promise.all(
        entries.map(async ([name, check]): Promise<[string, 'pass' | 'fail']> => {
          let passed: boolean;
          try {
            passed = (await check()) !== false;
          } catch {
            passed = false; // a check that throws is a failed dependency, not a broken endpoint
          }
          metrics.record(name, passed ? 'pass' : 'fail');
          return [name, passed ? 'pass' : 'fail'];
        }),
      );
      return { healthy: outcomes.every(([, result]) => result === 'pass'), checks: Object.fromEntries(outcomes) };
    },
  };
  return metrics;
}
