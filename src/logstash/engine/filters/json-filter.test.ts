import { describe, expect, it } from 'vitest';
import { runFilter, testEvent, testNow } from '../../../../tests/support/logstash/run-filter.js';
import { LsBigDecimal, newMap } from '../value.js';
import { jsonFilter } from './json-filter.js';

// logstash-filter-json v3.2.1 lib/logstash/filters/json.rb.
describe('json filter', () => {
  it('sets every parsed key at the top level, overwriting what is there (audit 3.7)', async () => {
    const { events } = await runFilter(jsonFilter, 'json { source => "message" }', [
      testEvent([
        ['message', '{"level":"warn","log":{"level":"x"},"event":{"original":"y"},"d":12.50}'],
        ['event', newMap([['original', 'raw line']])],
      ]),
    ]);
    const e = events[0]!;
    expect(e.get('[event][original]')).toBe('y');
    expect(e.get('level')).toBe('warn');
    expect(e.get('d')).toEqual(LsBigDecimal.parse('12.50'));
  });
  it('takes @timestamp, and an unreadable one tags and keeps its to_s', async () => {
    const ok = await runFilter(jsonFilter, 'json { source => "message" }', [testEvent([['message', '{"@timestamp":"2026-11-26T19:00:00.000Z"}']])]);
    expect(ok.events[0]!.timestamp.toString()).toBe('2026-11-26T19:00:00.000Z');
    const bad = await runFilter(jsonFilter, 'json { source => "message" }', [testEvent([['message', '{"@timestamp":1795737599}']])]);
    expect(bad.events[0]!.get('_@timestamp')).toBe('1795737599');
    expect(bad.events[0]!.get('tags')).toEqual(['_timestampparsefailure']);
    expect(bad.events[0]!.timestamp).toEqual(testNow);
  });
  it('keys are field references: [a][b] nests, @metadata replaces the metadata', async () => {
    const { events } = await runFilter(jsonFilter, 'json { source => "message" }', [testEvent([['message', '{"[a][b]":1,"@metadata":{"input":"file"}}']])]);
    expect(events[0]!.get('[a][b]')).toBe(1n);
    expect(events[0]!.get('[@metadata][input]')).toBe('file');
  });
  it('tags _jsonparsefailure and warns with the raw text on invalid JSON, without decorating', async () => {
    const { events, log } = await runFilter(jsonFilter, 'json { source => "message" add_tag => ["parsed"] }', [testEvent([['message', '{"message": "x broken", ']])]);
    expect(events[0]!.get('tags')).toEqual(['_jsonparsefailure']);
    expect(log[0]).toMatchObject({ level: 'warn', logger: 'logstash.filters.json', message: 'Error parsing json', data: { source: 'message', raw: '{"message": "x broken", ' } });
  });
  it('an illegal key is rescued as "Exception caught in json filter"', async () => {
    const { events, log } = await runFilter(jsonFilter, 'json { source => "message" }', [testEvent([['message', '{"a[b]":1}']])]);
    expect(events[0]!.get('tags')).toEqual(['_jsonparsefailure']);
    expect(log[0]!.message).toBe('Exception caught in json filter');
  });
  it('a non-hash without target fails; with target it is stored', async () => {
    const no = await runFilter(jsonFilter, 'json { source => "message" }', [testEvent([['message', '[1,2]']])]);
    expect(no.events[0]!.get('tags')).toEqual(['_jsonparsefailure']);
    const yes = await runFilter(jsonFilter, 'json { source => "message" target => "[doc]" }', [testEvent([['message', '[1,2]']])]);
    expect(yes.events[0]!.get('doc')).toEqual([1n, 2n]);
  });
  it('does nothing without a source value', async () => {
    const { events } = await runFilter(jsonFilter, 'json { source => "message" add_tag => ["x"] }', [testEvent([])]);
    expect(events[0]!.get('tags')).toBeUndefined();
  });
});
