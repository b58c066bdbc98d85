import { describe, expect, it } from 'vitest';
import { cloneValue, compareDecimals, isMap, LsBigDecimal, LsTimestamp, newMap } from './value.js';

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
    // biome-ignore lint/suspicious/noProto: what is tested is that __proto__ is an ordinary key of an event hash.
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

describe('LsBigDecimal prints as java.math.BigDecimal#toString and Ruby BigDecimal#to_s do', () => {
  it('keeps the scale of the text it was read from', () => {
    expect(LsBigDecimal.parse('12.50').toString()).toBe('12.50');
    expect(LsBigDecimal.parse('-0.001').toString()).toBe('-0.001');
    expect(LsBigDecimal.parse('3').toString()).toBe('3');
  });
  it('uses E notation for a negative scale or an exponent below -6 (BigDecimal.toString javadoc)', () => {
    expect(LsBigDecimal.parse('1.50e3').toString()).toBe('1.50E+3');
    expect(LsBigDecimal.parse('1e-7').toString()).toBe('1E-7');
    expect(LsBigDecimal.parse('0.0000001').toString()).toBe('1E-7');
    expect(LsBigDecimal.parse('0.000001').toString()).toBe('0.000001');
  });
  it('prints Ruby-style for Ruby (0.125e2)', () => {
    expect(LsBigDecimal.parse('12.50').toRubyString()).toBe('0.125e2');
    expect(LsBigDecimal.parse('-0.5').toRubyString()).toBe('-0.5e0');
    expect(LsBigDecimal.parse('0.0').toRubyString()).toBe('0.0');
  });
  it('compares exact values whatever the scale', () => {
    expect(compareDecimals(LsBigDecimal.parse('1.50'), LsBigDecimal.parse('1.5'))).toBe(0);
    expect(LsBigDecimal.parse('0.1').equals(LsBigDecimal.parse('0.10'))).toBe(true);
    expect(isMap(LsBigDecimal.parse('1.0'))).toBe(false);
  });
});
