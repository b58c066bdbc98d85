import { describe, expect, it } from 'vitest';
import { rubyToF, rubyToI } from './ruby-conversions.js';

describe('Ruby conversions as JRuby does them (ConvertBytes, ConvertDouble, Float#to_s)', () => {
  it('String#to_i: leading spaces, a sign, single underscores between digits, the rest ignored', () => {
    expect(['12abc', ' -7', '1_000', '1__2', '_1', 'abc', '+3', '0d12', '99999999999999999999'].map(rubyToI)).toEqual([12n, -7n, 1000n, 1n, 0n, 0n, 3n, 12n, 99999999999999999999n]);
  });

  it('String#to_f: a leading dot, underscores anywhere in the digits, a dangling exponent or dot', () => {
    expect(['12abc', '.5', '1.', '1e', '1_000.5', '1__0', '-x', '2.5e3x', '1e1000', '\v1'].map(rubyToF)).toEqual([12, 0.5, 1, 1, 1000.5, 10, 0, 2500, Infinity, 0]);
  });
});
