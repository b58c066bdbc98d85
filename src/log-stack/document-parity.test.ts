import { describe, expect, it } from 'vitest';
import { parityDifferences } from './document-parity.js';

const doc = (index: string, source: Record<string, unknown>) => ({ index, source });

describe('parityDifferences', () => {
  it('is empty for the same documents in another order', () => {
    const a = doc('logs-2026.11.29', { message: 'a', url: { path: '/x' } });
    const b = doc('logs-2026.11.29', { message: 'b', tags: ['x', 'y'] });
    expect(parityDifferences([a, b], [b, a])).toEqual([]);
  });

  it('names the path and both values of each difference, absent fields and arrays included', () => {
    const real = [doc('logs-2026.11.29', { message: 'm', url: { path: '/x' }, tags: ['a', 'b'], event: { duration: 3 } })];
    const engine = [doc('logs-2026.11.29', { message: 'm', url: { path: '/y' }, tags: ['b', 'a'], log: { level: 'ERROR' } })];
    expect(parityDifferences(real, engine)).toEqual([
      'logs[0].event.duration: real 3, engine (absent)',
      'logs[0].log.level: real (absent), engine "ERROR"',
      'logs[0].tags: real ["a","b"], engine ["b","a"]',
      'logs[0].url.path: real "/x", engine "/y"',
    ]);
  });

  it('counts documents per index family, and compares the day of the index unless told not to', () => {
    expect(parityDifferences([doc('logs-2026.11.29', { m: 1 }), doc('errors-2026.11.29', { m: 1 })], [doc('logs-2026.11.29', { m: 1 })])).toEqual([
      'errors: 1 real document(s), the engine predicts 0',
    ]);
    expect(parityDifferences([doc('logs-2026.11.29', { m: 1 })], [doc('logs-2026.11.30', { m: 1 })])).toEqual(['logs[0]._index: real "logs-2026.11.29", engine "logs-2026.11.30"']);
    expect(parityDifferences([doc('logs-2026.11.29', { m: 1 })], [doc('logs-2026.11.30', { m: 1 })], { presenceOnly: ['_index'] })).toEqual([]);
  });

  it('compares presence only where told (arrival time), and still reports a missing one', () => {
    const opts = { presenceOnly: ['@timestamp'] };
    expect(parityDifferences([doc('logs-2026.11.29', { '@timestamp': '2026-11-29T01:00:00Z' })], [doc('logs-2026.11.29', { '@timestamp': '2026-11-29T02:00:00Z' })], opts)).toEqual([]);
    expect(parityDifferences([doc('logs-2026.11.29', { '@timestamp': '2026-11-29T01:00:00Z' })], [doc('logs-2026.11.29', {})], opts)).toEqual([
      'logs[0].@timestamp: real "2026-11-29T01:00:00Z", engine (absent)',
    ]);
  });
});
