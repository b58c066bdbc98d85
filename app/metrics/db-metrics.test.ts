import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createDbMetrics } from './db-metrics.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';

function setup() {
  const registry = new Registry();
  return { registry, db: createDbMetrics(registry) };
}

describe('timeQuery', () => {
  it('returns the query result and records success, from a sync or an async query', async () => {
    const { registry, db } = setup();
    expect(await db.timeQuery('select', 'timelines', async () => [{ id: 1 }])).toEqual([{ id: 1 }]);
    expect(await db.timeQuery('select', 'timelines', () => 3)).toBe(3);
    const families = await readRegistry(registry);
    const labels = { operation: 'select', table: 'timelines', status: 'success' };
    expect(sampleValue(families, 'db_queries_total', labels)).toBe(2);
    expect(sampleValue(families, 'db_query_duration_seconds_count', labels)).toBe(2);
  });

  it('records status error and rethrows the very same error, thrown or rejected', async () => {
    const { registry, db } = setup();
    const failure = new Error('ER_LOCK_DEADLOCK');
    await expect(db.timeQuery('update', 'classes', async () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(
      db.timeQuery('update', 'classes', () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    const families = await readRegistry(registry);
    expect(sampleValue(families, 'db_queries_total', { operation: 'update', table: 'classes', status: 'error' })).toBe(2);
    expect(sampleValue(families, 'db_query_duration_seconds_count', { status: 'error' })).toBe(2);
    expect(sampleValue(families, 'db_queries_total', { status: 'success' })).toBeUndefined();
  });

  it.each([
    [['SELECT * FROM timelines WHERE id = 7', 'timelines'], 'timeQuery: operation "SELECT * FROM timelines WHERE id = 7" is not a bare word', 'never the SQL itself'],
    [['select', 'timelines 7'], 'timeQuery: table "timelines 7" is not a bare word', 'never a value from the query'],
    [['', 'timelines'], 'timeQuery: operation "" is not a bare word', 'pass the kind of statement'],
    [[undefined, 'timelines'], 'timeQuery: operation must be a string, got undefined', 'pass the kind of statement'],
    [['select', 'timelines', 'SELECT 1'], 'timeQuery: the third argument must be a function that runs the query, got "SELECT 1"', 'runs the query'],
  ])('rejects %j before running anything', async (args, message, hint) => {
    const { registry, db } = setup();
    let ran = false;
    const query = args[2] ?? (() => (ran = true));
    const call = db.timeQuery(args[0] as string, args[1] as string, query as () => unknown);
    await expect(call).rejects.toThrow(message);
    await expect(call).rejects.toThrow(hint);
    expect(ran).toBe(false);
    expect((await readRegistry(registry)).get('db_queries_total')!.samples).toEqual([]);
  });
});
