import { describe, expect, it } from 'vitest';
import { javaDoubleToString, javaStoredToString, rubyFloatToS } from './java-text.js';
import { LsBigDecimal, newMap } from './value.js';

describe('javaDoubleToString is java.lang.Double.toString (JDK 21)', () => {
  it('plain between 1e-3 and 1e7, always with a fraction', () => {
    expect(javaDoubleToString(5)).toBe('5.0');
    expect(javaDoubleToString(12.5)).toBe('12.5');
    expect(javaDoubleToString(0.001)).toBe('0.001');
    expect(javaDoubleToString(9999999)).toBe('9999999.0');
  });
  it('computerized scientific notation outside', () => {
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
    expect(javaDoubleToString(1e20)).toBe('1.0E20');
    expect(javaDoubleToString(0.0001)).toBe('1.0E-4');
    expect(javaDoubleToString(-1.5e-10)).toBe('-1.5E-10');
  });
});

describe('rubyFloatToS is Ruby Float#to_s', () => {
  it('fixed up to 16 integer digits and down to 0.0001', () => {
    expect(rubyFloatToS(12.5)).toBe('12.5');
    expect(rubyFloatToS(5)).toBe('5.0');
    expect(rubyFloatToS(1e15)).toBe('1000000000000000.0');
    expect(rubyFloatToS(0.0001)).toBe('0.0001');
  });
  it('exponent form with two digits beyond', () => {
    expect(rubyFloatToS(1e16)).toBe('1.0e+16');
    expect(rubyFloatToS(0.00001)).toBe('1.0e-05');
    expect(rubyFloatToS(-1.25e20)).toBe('-1.25e+20');
  });
});

describe('javaStoredToString prints what String.format("%s") prints for stored values', () => {
  it('Ruby objects through to_s, Java collections as AbstractMap/AbstractCollection do', () => {
    expect(javaStoredToString('x')).toBe('x');
    expect(javaStoredToString(null)).toBe('');
    expect(javaStoredToString(LsBigDecimal.parse('1.5'))).toBe('0.15e1');
    expect(
      javaStoredToString(
        newMap([
          ['a', 1n],
          ['b', ['x', 2.5]],
        ]),
      ),
    ).toBe('{a=1, b=[x, 2.5]}');
  });
});
