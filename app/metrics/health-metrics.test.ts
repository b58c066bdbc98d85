import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createHealthMetrics } from './health-metrics.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

function setup() {
  const registry = new Registry();
  return { registry, health: createHealthMetrics(registry) };
}

describe('health checks', () => {
  it('run every check, count each result, and report healthy only when all pass', async () => {
    const { registry, health } = setup();
    expect(await health.run({ database: () => true, cache: async () => undefined })).toEqual({ healthy: true, checks: { database: 'pass', cache: 'pass' } });
    expect(
      await health.run({
        database: () => false,
        cache: () => {
          throw new Error('ECONNREFUSED');
        },
      }),
    ).toEqual({
      healthy: false,
      checks: { database: 'fail', cache: 'fail' },
    });
    const families = await readRegistry(registry);
    expect(sampleValue(families, 'health_checks_total', { check: 'database', result: 'pass' })).toBe(1);
    expect(sampleValue(families, 'health_checks_total', { check: 'database', result: 'fail' })).toBe(1);
    expect(sampleValue(families, 'health_checks_total', { check: 'cache', result: 'fail' })).toBe(1);
  });

  it("create the fail series at 0 on a check's first pass, so increase() sees the first failure", async () => {
    const { registry, health } = setup();
    await health.run({ database: () => true });
    expect(sampleValue(await readRegistry(registry), 'health_checks_total', { check: 'database', result: 'fail' })).toBe(0);
  });

  it.each([
    [() => setup().health.record('database', 'ok' as never), 'health.record: result must be "pass" or "fail", got "ok"'],
    [() => setup().health.record('db at 10.0.0.5', 'fail'), 'health.record: check "db at 10.0.0.5" is not a bare word'],
  ])('rejects a bad record, naming the value (%#)', (call, message) => {
    expect(call).toThrow(message);
  });

  it('rejects a check that is not a function, before running any', async () => {
    let ran = false;
    await expect(setup().health.run({ a: () => (ran = true), database: 'SELECT 1' as never })).rejects.toThrow('health.run: check "database" must be a function, got "SELECT 1"');
    expect(ran).toBe(false);
  });
});
