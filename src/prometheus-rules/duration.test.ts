import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  test('reads every unit Prometheus accepts, combined', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('0')).toBe(0);
  });
  test('rejects what is not a duration', () => {
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('5 m')).toBeUndefined();
    expect(parseDuration('m5')).toBeUndefined();
    expect(parseDuration('1.5h')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  test('writes the form promtool prints', () => {
    expect(formatDuration(405_000)).toBe('6m45s');
    expect(formatDuration(604_800_000 + 600_000)).toBe('1w10m');
    expect(formatDuration(0)).toBe('0s');
  });
  test('round-trips', () => {
    for (const text of ['5m', '1h', '3d', '2h15s']) expect(formatDuration(parseDuration(text)!)).toBe(text);
  });
});
