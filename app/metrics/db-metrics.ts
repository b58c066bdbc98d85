import { Counter, Histogram, type Registry } from 'prom-client';
import { durationSecondsBuckets } from './buckets.js';
import { describe, labelValue, MetricsUsageError } from './label-values.js';

export interface DbMetrics {
  /**
   * Runs `query`, records how long it took and whether it succeeded, and returns its result.
   * A query that throws or rejects is recorded with status `error` and its error rethrown
   * unchanged, so callers handle it exactly as without the wrapper.
   */
  timeQuery<T>(operation: string, table: string, query: () => T | PromiseLike<T>): Promise<T>;
}

const operationHint = 'pass the kind of statement ("select", "insert", "update", "delete"), never the SQL itself';
const tableHint = 'pass the table\'s name ("timelines"), never a value from the query';

/** Query duration and count by operation, table and outcome, as the application sees them. */
export function createDbMetrics(registry: Registry): DbMetrics {
  const duration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Time a database query took, by operation, table and outcome.',
    labelNames: ['operation', 'table', 'status'] as const,
    buckets: [...durationSecondsBuckets],
    registers: [registry],
  });
  const queries = new Counter({
    name: 'db_queries_total',
    help: 'Database queries issued, by operation, table and outcome (success|error).',
    labelNames: ['operation', 'table', 'status'] as const,
    registers: [registry],
  });

  return {
    async timeQuery<T>(operation: string, table: string, query: () => T | PromiseLike<T>): Promise<T> {
      // Checked before the query runs: a bad label must not cost a real query.
      labelValue('timeQuery', 'operation', operation, operationHint);
      labelValue('timeQuery', 'table', table, tableHint);
      if (typeof query !== 'function') {
        throw new MetricsUsageError(`timeQuery: the third argument must be a function that runs the query, got ${describe(query)}`);
      }
      const started = process.hrtime.bigint();
      const finish = (status: 'success' | 'error') => {
        const labels = { operation, table, status };
        duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        queries.inc(labels);
      };
      let result: T;
      try {
        result = await query();
      } catch (error) {
        finish('error');
        throw error;
      }
      finish('success');
      return result;
    },
  };
}
