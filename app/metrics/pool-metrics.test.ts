import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createPoolMetrics } from './pool-metrics.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

function setup() {
  const registry = new Registry();
  return { registry, pool: createPoolMetrics(registry) };
}

describe('pool gauges', () => {
  it('start at 0 / 0 and show what set() was given', async () => {
    const { registry, pool } = setup();
    let families = await readRegistry(registry);
    expect([sampleValue(families, 'db_connections_active'), sampleValue(families, 'db_connections_max')]).toEqual([0, 0]);
    pool.set({ active: 8, max: 10 });
    families = await readRegistry(registry);
    expect([sampleValue(families, 'db_connections_active'), sampleValue(families, 'db_connections_max')]).toEqual([8, 10]);
  });

  it('read the pool at every scrape with readFrom()', async () => {
    const { registry, pool } = setup();
    let active = 1;
    pool.readFrom(() => ({ active, max: 5 }));
    expect(sampleValue(await readRegistry(registry), 'db_connections_active')).toBe(1);
    active = 4;
    const families = await readRegistry(registry);
    expect([sampleValue(families, 'db_connections_active'), sampleValue(families, 'db_connections_max')]).toEqual([4, 5]);
  });

  it.each([
    [{ active: 11, max: 10 }, 'pool.set: active 11 is above max 10'],
    [{ active: -1, max: 10 }, 'pool.set: active must be a whole number >= 0, got -1'],
    [{ active: 1.5, max: 10 }, 'pool.set: active must be a whole number >= 0, got 1.5'],
    [{ active: 1 }, 'pool.set: max must be a whole number >= 0, got undefined'],
    [{ active: '3', max: 10 }, 'pool.set: active must be a whole number >= 0, got "3"'],
    [null, 'pool.set: expected { active, max } with whole numbers, got null'],
  ])('set(%j) is rejected, naming the value', (state, message) => {
    expect(() => setup().pool.set(state as never)).toThrow(message);
  });

  it('fail the scrape, naming the reader, when the reader returns nonsense', async () => {
    const { registry, pool } = setup();
    let max = 10;
    pool.readFrom(() => ({ active: 3, max }));
    max = 2;
    await expect(registry.metrics()).rejects.toThrow("pool.readFrom's reader: active 3 is above max 2");
  });

  it('reject a reader that is not a function', () => {
    expect(() => setup().pool.readFrom({ active: 1, max: 2 } as never)).toThrow('pool.readFrom: expected a function () => ({ active, max }), got an object (Object)');
  });
});
