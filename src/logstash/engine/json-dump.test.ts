import { describe, expect, it } from 'vitest';
import { dumpJackson, dumpJrJackson } from './json-dump.js';
import { LsBigDecimal, LsTimestamp, newMap } from './value.js';

describe('JSON written as Logstash writes it (Jackson 2.16 generators)', () => {
  it('keeps Integer and Float apart: 5 and 5.0, Double.toString for floats', () => {
    expect(
      dumpJrJackson(
        newMap([
          ['a', 5n],
          ['b', 5],
          ['c', 1e20],
          ['d', 12345678901234567890n],
        ]),
      ),
    ).toBe('{"a":5,"b":5.0,"c":1.0E20,"d":12345678901234567890}');
  });
  it('writes BigDecimal with its scale, NaN as a string, timestamps as ISO strings', () => {
    expect(dumpJrJackson([LsBigDecimal.parse('12.50'), Number.NaN, LsTimestamp.parseInstant('2026-11-26T08:00:00Z'), null])).toBe('[12.50,"NaN","2026-11-26T08:00:00.000Z",null]');
  });
  it('escapes as Jackson does: short escapes, \\u00XX upper case, non-ASCII as is', () => {
    expect(dumpJrJackson('a"b\\c\n\t\u0001\u001f/é€😀')).toBe('"a\\"b\\\\c\\n\\t\\u0001\\u001F/é€😀"');
  });
  it('orders hash keys as a HashMap in dumpJackson', () => {
    expect(
      dumpJackson(
        newMap([
          ['c', '1'],
          ['b', '2'],
          ['a', '3'],
        ]),
      ),
    ).toBe('{"a":"3","b":"2","c":"1"}');
  });
});
