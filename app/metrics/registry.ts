import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, MetricsUsageError } from './label-values.js';

export interface RegistryOptions {
  /**
   * Also expose prom-client's default Node.js process metrics (`process_*`, `nodejs_*`: CPU,
   * memory, event-loop lag, GC). Off by default: they are not in the metrics contract, so no
   * rule or dashboard may rely on them, and the contract test then allows only these prefixes.
   */
  processMetrics?: boolean;
}

/** Name prefixes of prom-client's default process metrics: the only names allowed beyond the contract. */
export const processMetricPrefixes: readonly string[] = ['process_', 'nodejs_'];

/**
 * A registry of our own rather than prom-client's global one: the global registry is shared
 * by every copy of prom-client in the process, so a library that registers a metric of the
 * same name there would make ours throw at start-up, and tests could not build two apps side
 * by side.
 */
export function createMetricsRegistry(options: RegistryOptions = {}): Registry {
  if (options.processMetrics !== undefined && typeof options.processMetrics !== 'boolean') {
    throw new MetricsUsageError(`createMetricsRegistry: processMetrics must be true or false, got ${describe(options.processMetrics)}`);
  }
  const registry = new Registry();
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });
  return registry;
}
