import { describe, expect, it } from 'vitest';
import { Event } from './event.js';
import { fromWire, toWire } from './wire.js';
import { LsBigDecimal, LsTimestamp, newMap } from './value.js';

const env = { now: () => LsTimestamp.parseInstant('2026-11-26T08:00:00Z'), log: () => {} };

describe('the wire format to JRuby (logs-engine contract)', () => {
  it('writes integers bare, floats with a point or exponent, specials tagged', () => {
    const e = Event.fromMap(
      newMap([
        ['i', 12345678901234567890n],
        ['f', 5],
        ['g', 1e21],
        ['n', Number.NaN],
        ['d', LsBigDecimal.parse('1.50')],
        ['@metadata', newMap([['m', true]])],
      ]),
      env,
    );
    const wire = toWire(e);
    expect(wire).toContain('"i":12345678901234567890');
    expect(wire).toContain('"f":5.0');
    expect(wire).toContain('"g":1e+21');
    expect(wire).toContain('"n":{"\\u0000float":"NaN"}');
    expect(wire).toContain('"d":{"\\u0000bigdecimal":"1.50"}');
    expect(wire).toContain('"@timestamp":{"\\u0000timestamp":"2026-11-26T08:00:00.000Z"}');
    expect(wire).toMatch(/"metadata":\{"m":true\}\}$/);
  });
  it('round-trips every kind of value', () => {
    const e = Event.fromMap(
      newMap([
        ['i', 5n],
        ['f', 5],
        ['n', -Infinity],
        ['d', LsBigDecimal.parse('1.5e3')],
        ['l', [null, 'x', newMap([['k', 1.5]])]],
        ['@metadata', newMap([['input', 'tcp']])],
      ]),
      env,
    );
    const back = fromWire(toWire(e), env);
    expect(back.toHash()).toEqual(e.toHash());
    expect(back.get('[@metadata][input]')).toBe('tcp');
    expect(back.get('i')).toBe(5n);
    expect(back.get('f')).toBe(5);
  });
});
