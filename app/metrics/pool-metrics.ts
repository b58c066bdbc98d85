import { Gauge, type Registry } from 'prom-client';
import { count, describe, MetricsUsageError } from './label-values.js';

export interface PoolState {
  /** Connections currently checked out. */
  active: number;
  /** The pool's configured maximum. */
  max: number;
}

export interface PoolMetrics {
  /** Sets both gauges now (e.g. from the pool's acquire/release events). */
  set(state: PoolState): void;
  /**
   * Reads the pool at every scrape instead: `read` is called while /metrics is served, so the
   * gauges are never stale. A later `set` or `readFrom` replaces it. A reader that throws or
   * returns a bad state fails that scrape with its message (HTTP 500), rather than serving
   * a stale number as if it were current.
   */
  readFrom(read: () => PoolState): void;
}

/**
 * The application's connection-pool gauges. PoolExhausted alerts on active / max, so both
 * are checked together: an active above max would make that ratio lie. Until the first
 * reading both are 0, and 0 / 0 is NaN in PromQL, which fires nothing.
 */
export function createPoolMetrics(registry: Registry): PoolMetrics {
  let source: (() => PoolState) | undefined;
  let current: PoolState = { active: 0, max: 0 };
  // Both gauges re-read the pool, so neither depends on the order prom-client collects them in.
  const refresh = () => {
    if (source) current = checked(source(), "pool.readFrom's reader");
  };
  new Gauge({
    name: 'db_connections_active',
    help: "Connections of the application's pool currently checked out.",
    registers: [registry],
    collect() {
      refresh();
      this.set(current.active);
    },
  });
  new Gauge({
    name: 'db_connections_max',
    help: "Size of the application's connection pool (its configured maximum).",
    registers: [registry],
    collect() {
      refresh();
      this.set(current.max);
    },
  });

  return {
    set(state) {
      current = checked(state, 'pool.set');
      source = undefined;
    },
    readFrom(read) {
      if (typeof read !== 'function') {
        throw new MetricsUsageError(`pool.readFrom: expected a function () => ({ active, max }), got ${describe(read)}`);
      }
      source = read;
      refresh();
    },
  };
}

/** `state` as a PoolState, or an error naming `call` and the bad value. */
function checked(state: unknown, call: string): PoolState {
  if (typeof state !== 'object' || state === null) {
    throw new MetricsUsageError(`${call}: expected { active, max } with whole numbers, got ${describe(state)}`);
  }
  const { active, max } = state as Record<string, unknown>;
  const pool = { active: count(call, 'active', active), max: count(call, 'max', max) };
  if (pool.active > pool.max) {
    throw new MetricsUsageError(`${call}: active ${pool.active} is above max ${pool.max}; a pool cannot lend more connections than it holds, so one of the two numbers is wrong`);
  }
  return pool;
}
