import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compressDuration, compressRouteTimers } from './time-compression.js';

describe('compressing routing timers', () => {
  it('divides durations, keeping 0 and never going below 1ms', () => {
    expect(compressDuration('5m', 100)).toBe('3s');
    expect(compressDuration('1s', 100)).toBe('10ms');
    expect(compressDuration('4h', 100)).toBe('2m24s');
    expect(compressDuration('0s', 100)).toBe('0s');
    expect(compressDuration('1ms', 100)).toBe('1ms');
    expect(() => compressDuration('soon', 100)).toThrow(/not a Prometheus duration/);
  });

  it('scales every route, and makes the root defaults explicit so they scale too', () => {
    const doc = parseDocument(`route:\n  receiver: a\n  routes:\n    - receiver: b\n      group_wait: 1s\n      routes:\n        - receiver: c\n          repeat_interval: 1h\n`);
    compressRouteTimers(doc, 100);
    expect(doc.toJS()).toEqual({
      route: {
        receiver: 'a',
        group_wait: '300ms',
        group_interval: '3s',
        repeat_interval: '2m24s',
        routes: [{ receiver: 'b', group_wait: '10ms', routes: [{ receiver: 'c', repeat_interval: '36s' }] }],
      },
    });
  });
});
