import { Counter, Gauge, type Registry } from 'prom-client';
import { count, labelValue } from './label-values.js';

export interface CacheMetrics {
  /**
   * Records one lookup in cache `cache` and returns `found` unchanged, so it wraps a lookup
   * in place: `const row = metrics.cache.lookup('timelines', map.get(id))`. `undefined`
   * counts as a miss; any other value (null and 0 included) as a hit.
   */
  lookup<T>(cache: string, found: T): T;
  hit(cache: string): void;
  miss(cache: string): void;
  /** How many entries `cache` holds now. */
  setEntries(cache: string, entries: number): void;
}

const cacheHint = 'name the cache itself ("timelines"), never a key looked up in it';

/** Hits, misses and size per named cache. */
export function createCacheMetrics(registry: Registry): CacheMetrics {
  const hits = new Counter({
    name: 'cache_hits_total',
    help: 'Cache lookups that found an entry.',
    labelNames: ['cache'] as const,
    registers: [registry],
  });
  const misses = new Counter({
    name: 'cache_misses_total',
    help: 'Cache lookups that found nothing.',
    labelNames: ['cache'] as const,
    registers: [registry],
  });
  const entries = new Gauge({
    name: 'cache_entries',
    help: 'Entries currently held in the cache.',
    labelNames: ['cache'] as const,
    registers: [registry],
  });

  // A cache seen once gets both counters at 0, so hit ratio = hits / (hits + misses) is
  // defined from its first lookup instead of missing a series until the first miss.
  const named = (call: string, cache: unknown): string => {
    const name = labelValue(call, 'cache', cache, cacheHint);
    hits.inc({ cache: name }, 0);
    misses.inc({ cache: name }, 0);
    return name;
  };

  const metrics: CacheMetrics = {
    lookup(cache, found) {
      if (found === undefined) metrics.miss(cache);
      else metrics.hit(cache);
      return found;
    },
    hit(cache) {
      hits.inc({ cache: named('cache.hit', cache) });
    },
    miss(cache) {
      misses.inc({ cache: named('cache.miss', cache) });
    },
    setEntries(cache, value) {
      entries.set({ cache: named('cache.setEntries', cache) }, count('cache.setEntries', 'entries', value));
    },
  };
  return metrics;
}
