import { expect, test } from 'vitest';
import { editDistance, nearestName } from './nearest-name.js';

test('suggests the closest valid key for a typo', () => {
  expect(nearestName('fireing', ['at', 'alert', 'firing', 'alerts', 'samples'])).toBe('firing');
  expect(nearestName('sereis', ['name', 'interval', 'series', 'expect'])).toBe('series');
  expect(nearestName('Expect', ['name', 'series', 'expect'])).toBe('expect');
});

test('suggests nothing when no key is close', () => {
  expect(nearestName('threshold', ['at', 'alert', 'firing'])).toBeUndefined();
});

test('edit distance counts insertions, deletions and substitutions', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('same', 'same')).toBe(0);
});
