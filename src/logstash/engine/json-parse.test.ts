import { describe, expect, it } from 'vitest';
import { JsonParseError, parseJackson, parseJrJackson } from './json-parse.js';
import { LsBigDecimal, newMap } from './value.js';

describe('parseJackson reads as ObjectMapper.readValue(json, Object.class) (Event.fromJson)', () => {
  it('keeps integers (any size) and doubles apart', () => {
    expect(parseJackson('{"a":5,"b":5.0,"c":1e2,"d":12345678901234567890,"e":-0}')).toEqual(
      newMap([
        ['a', 5n],
        ['b', 5],
        ['c', 100],
        ['d', 12345678901234567890n],
        ['e', 0n],
      ]),
    );
  });
  it('lets the last duplicate key win, in the first one place', () => {
    const parsed = parseJackson('{"a":1,"b":2,"a":3}') as Record<string, unknown>;
    expect(Object.entries(parsed)).toEqual([
      ['a', 3n],
      ['b', 2n],
    ]);
  });
  it('ignores what follows the first value (FAIL_ON_TRAILING_TOKENS is off)', () => {
    expect(parseJackson('{"a":1} trailing garbage')).toEqual(newMap([['a', 1n]]));
  });
  it('returns nothing for blank text and scalars as they are', () => {
    expect(parseJackson('  ')).toBeUndefined();
    expect(parseJackson('"x"')).toBe('x');
  });
  it('rejects what strict JSON rejects', () => {
    for (const bad of ['{"a":01}', "{'a':1}", '{"a":NaN}', '{"a":1,}', '{"a":"x\ty"}', '{"a":"\\x"}', '{"message": "truncated', '{a:1}', '[1 2]']) {
      expect(() => parseJackson(bad), bad).toThrow(JsonParseError);
    }
  });
  it('limits nesting to 1000 and numbers to 10 000 characters', () => {
    expect(() => parseJackson(`${'['.repeat(1000)}${']'.repeat(1000)}`)).not.toThrow();
    expect(() => parseJackson(`${'['.repeat(1001)}${']'.repeat(1001)}`)).toThrow('Document nesting depth (1001) exceeds the maximum allowed (1000');
    expect(() => parseJackson('9'.repeat(10_001))).toThrow('Number value length (10001)');
  });
  it('decodes escapes, surrogate pairs included', () => {
    expect(parseJackson('"\\u00e9\\ud83d\\ude00\\/\\n"')).toBe('é😀/\n');
  });
});

describe('parseJrJackson reads as LogStash::Json.load (JrJackson::Ruby.parse, JrParse)', () => {
  it('reads floats as BigDecimal with their scale', () => {
    expect(parseJrJackson('{"a":12.50,"b":1.5e3,"c":7}')).toEqual(
      newMap([
        ['a', LsBigDecimal.parse('12.50')],
        ['b', LsBigDecimal.parse('1.5e3')],
        ['c', 7n],
      ]),
    );
  });
  it('reads every value and returns the last; nil for empty text', () => {
    expect(parseJrJackson('{"a":1} {"b":2}')).toEqual(newMap([['b', 2n]]));
    expect(parseJrJackson('')).toBeNull();
  });
  it('fails on trailing garbage', () => {
    expect(() => parseJrJackson('{"a":1} x')).toThrow(JsonParseError);
  });
});
