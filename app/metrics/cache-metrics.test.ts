import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createCacheMetrics } from './cache-metrics.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

function setup() {
  const registry = new Registry();
  return { registry, cache: createCacheMetrics(registry) };
}

describe('cache metrics', () => {
  it('lookup() counts undefined as a miss and anything else (null and 0 too) as a hit, returning the value', async () => {
    const { registry, cache } = setup();
    const stored = new Map<string, unknown>([
      ['a', 0],
      ['b', null],
    ]);
    expect(cache.lookup('timelines', stored.get('a'))).toBe(0);
    expect(cache.lookup('timelines', stored.get('b'))).toBe(null);
    expect(cache.lookup('timelines', stored.get('zzz'))).toBeUndefined();
    const families = await readRegistry(registry);
    expect(sampleValue(families, 'cache_hits_total', { cache: 'timelines' })).toBe(2);
    expect(sampleValue(families, 'cache_misses_total', { cache: 'timelines' })).toBe(1);
  });

  it('creates both counters of a cache at its first lookup, so the hit ratio exists before the first miss', async () => {
    const { registry, cache } = setup();
    cache.hit('classes');
    expect(sampleValue(await readRegistry(registry), 'cache_misses_total', { cache: 'classes' })).toBe(0);
  });

  it('keeps one entries gauge per cache', async () => {
    const { registry, cache } = setup();
    cache.setEntries('timelines', 12);
    cache.setEntries('classes', 3);
    cache.setEntries('timelines', 11);
    const families = await readRegistry(registry);
    expect(sampleValue(families, 'cache_entries', { cache: 'timelines' })).toBe(11);
    expect(sampleValue(families, 'cache_entries', { cache: 'classes' })).toBe(3);
  });

  it.each([
    [() => setup().cache.hit('timeline:42'), 'cache.hit: cache "timeline:42" is not a bare word', 'never a key looked up in it'],
    [() => setup().cache.lookup('', 1), 'cache.hit: cache "" is not a bare word', 'name the cache itself'],
    [() => setup().cache.setEntries('timelines', -2), 'cache.setEntries: entries must be a whole number >= 0, got -2', 'cache.setEntries'],
  ])('rejects a bad call, naming the value (%#)', (call, message, hint) => {
    expect(call).toThrow(message);
    expect(call).toThrow(hint);
  });
});
