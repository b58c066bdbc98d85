import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { newMap } from '../value.js';
import { rubyFloatToS, rubyToF, rubyToI, rubyToS } from './ruby-conversions.js';

describe('Ruby conversions as JRuby does them (ConvertBytes, ConvertDouble, Float#to_s)', () => {
  it('String#to_i: leading spaces, a sign, single underscores between digits, the rest ignored', () => {
    expect(['12abc', ' -7', '1_000', '1__2', '_1', 'abc', '+3', '0d12', '99999999999999999999'].map(rubyToI)).toEqual([12n, -7n, 1000n, 1n, 0n, 0n, 3n, 12n, 99999999999999999999n]);
  });

  it('String#to_f: a leading dot, underscores anywhere in the digits, a dangling exponent or dot', () => {
    expect(['12abc', '.5', '1.', '1e', '1_000.5', '1__0', '-x', '2.5e3x', '1e1000', '\v1'].map(rubyToF)).toEqual([12, 0.5, 1, 1, 1000.5, 10, 0, 2500, Infinity, 0]);
  });

  it('Float#to_s: fixed notation up to 16 digits, then exponents with two digits at least', () => {
    expect([1, 12.5, 1e15, 1e16, 0.0001, 0.00001, -0, 1.5e-7, NaN].map(rubyFloatToS)).toEqual(['1.0', '12.5', '1000000000000000.0', '1.0e+16', '0.0001', '1.0e-05', '-0.0', '1.5e-07', 'NaN']);
  });

  it('#to_s of what grok may meet: nil is "", a hash is not modelled', () => {
    expect(rubyToS(null, 'x')).toBe('');
    expect(rubyToS(true, 'x')).toBe('true');
    expect(() => rubyToS(newMap([['a', 1n]]), 'grok match on x')).toThrow(UnmodelledError);
  });
});
