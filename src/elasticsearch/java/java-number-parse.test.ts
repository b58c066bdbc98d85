import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../unmodelled-error.js';
import { esStringToLong, javaParseDouble, JavaNumberError } from './java-number-parse.js';

const longError = (s: string) => {
  try {
    esStringToLong(s, 'f');
  } catch (e) {
    if (e instanceof JavaNumberError) return e.message;
  }
  throw new Error('expected an error');
};

describe('esStringToLong (AbstractXContentParser#toLong with coerce)', () => {
  it('accepts longs, decimals truncated toward zero, and exponents', () => {
    expect([esStringToLong('42', 'f'), esStringToLong('+7', 'f'), esStringToLong('1.9', 'f'), esStringToLong('-1.9', 'f'), esStringToLong('1e3', 'f')]).toEqual([42n, 7n, 1n, -1n, 1000n]);
  });

  it('uses the messages of toLong', () => {
    expect(longError('abc')).toBe('For input string: "abc"');
    expect(longError(' 1')).toBe('For input string: " 1"'); // BigDecimal allows no whitespace
    expect(longError('9223372036854775808')).toBe('Value [9223372036854775808] is out of range for a long');
    expect(longError('1e20')).toBe('Value [1e20] is out of range for a long');
  });

  it('refuses to guess non-ASCII digits (Character.digit accepts them)', () => {
    expect(() => esStringToLong('١٢', 'f')).toThrow(UnmodelledError);
  });
});

describe('javaParseDouble (FloatingDecimal#readJavaFormatString)', () => {
  it('trims, and accepts signs, NaN, Infinity and type suffixes', () => {
    expect([javaParseDouble(' 1.5 ', 'f'), javaParseDouble('1.5f', 'f'), javaParseDouble('-Infinity', 'f'), javaParseDouble('.5', 'f'), javaParseDouble('5.', 'f')]).toEqual([
      1.5,
      1.5,
      -Infinity,
      0.5,
      5,
    ]);
    expect(javaParseDouble('NaN', 'f')).toBeNaN();
  });

  it('reports "empty String" and the trimmed input', () => {
    expect(() => javaParseDouble('  ', 'f')).toThrow('empty String');
    expect(() => javaParseDouble(' abc ', 'f')).toThrow('For input string: "abc"');
  });
});
