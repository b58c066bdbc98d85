import { describe, expect, it } from 'vitest';
import { cloneValue, isMap, LsTimestamp, newMap } from './value.js';

describe('LsTimestamp prints as org.logstash.Timestamp#toString does', () => {
  it('with three fraction digits when there are no nanoseconds', () => {
    expect(LsTimestamp.ofEpochMilli(Date.UTC(2026, 10, 26, 8)).toString()).toBe('2026-11-26T08:00:00.000Z');
  });
  it('in groups of three digits otherwise (DateTimeFormatter.ISO_INSTANT)', () => {
    expect(LsTimestamp.parseInstant('2026-11-26T08:00:00.25Z').toString()).toBe('2026-11-26T08:00:00.250Z');
    expect(LsTimestamp.parseInstant('2026-11-26T08:00:00.1234Z').toString()).toBe('2026-11-26T08:00:00.123400Z');
    expect(LsTimestamp.parseInstant('2026-11-26T08:00:00.000000001Z').toString()).toBe('2026-11-26T08:00:00.000000001Z');
  });
  it('before the epoch too', () => {
    const t = LsTimestamp.ofEpochNanos(-1n);
    expect(t.toString()).toBe('1969-12-31T23:59:59.999999999Z');
    expect(t.epochNanos).toBe(-1n);
  });
  it('round-trips through parseInstant and compares by instant', () => {
    const t = LsTimestamp.parseInstant('2026-11-27T04:30:00.123Z');
    expect(t.epochMilli).toBe(Date.UTC(2026, 10, 27, 4, 30, 0, 123));
    expect(t.equals(LsTimestamp.ofEpochMilli(t.epochMilli))).toBe(true);
  });
});

describe('event values', () => {
  it('hashes have no prototype, so __proto__ is an ordinary key', () => {
    const map = newMap([['__proto__', 'x']]);
    expect(map.__proto__).toBe('x');
    expect(isMap(map)).toBe(true);
    expect(isMap([1n])).toBe(false);
  });
  it('copies deeply, keeping integers and floats apart', () => {
    const original = newMap([['a', [1n, 1, newMap([['b', 'c']])]]]);
    const copy = cloneValue(original);
    expect(copy).toEqual(original);
    expect(copy.a).not.toBe(original.a);
    expect((copy.a as unknown[])[0]).toBe(1n);
  });
});
