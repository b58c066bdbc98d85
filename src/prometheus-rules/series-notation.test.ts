import { expect, test } from 'vitest';
import { invalidSeriesToken } from './series-notation.js';

test('accepts every form of promtool expanding notation', () => {
  expect(invalidSeriesToken('0+10x60 _x5 stale 1 2.5 -3 1e3 100-5x10 7x3 _ NaN +Inf')).toBeUndefined();
});

test('names the first bad token', () => {
  expect(invalidSeriesToken('0+10x60 foo 1')).toBe('foo');
  expect(invalidSeriesToken('0+10*60')).toBe('0+10*60');
  expect(invalidSeriesToken('   ')).toBe('(empty)');
});
