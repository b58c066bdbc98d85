import { describe, expect, it } from 'vitest';
import { Event } from './event.js';
import { LsBigDecimal, LsTimestamp, newMap, type LsValue } from './value.js';

const at = LsTimestamp.parseInstant('2026-11-26T23:59:58.250Z');
const event = (fields: [string, LsValue][] = []) => Event.fromMap(newMap([['@timestamp', at], ...fields]), { now: () => at, log: () => {} });

// StringInterpolation.java (logstash-core v8.17.4) and Joda-Time 2.9.9 DateTimeFormat.
describe('sprintf as StringInterpolation.evaluate', () => {
  it('formats %{+YYYY.MM.dd} with Joda in UTC', () => {
    expect(event().sprintf('logs-%{+YYYY.MM.dd}')).toBe('logs-2026.11.26');
    expect(event().sprintf('%{+HH:mm:ss.SSS Z EEE MMM dd yy}')).toBe('23:59:58.250 +0000 Thu Nov 26 26');
    expect(event().sprintf("%{+xxxx-'W'ww}")).toBe('2026-W48');
  });
  it('epoch seconds with %{+%s} and java.time with %{{...}}', () => {
    expect(event().sprintf('%{+%s}')).toBe(String(Math.floor(at.epochMilli / 1000)));
    expect(event().sprintf('%{{yyyy-MM-dd HH:mm}}')).toBe('2026-11-26 23:59');
  });
  it('leaves missing and nil fields literal', () => {
    expect(event([['n', null]]).sprintf('%{[log][level]} %{n} x')).toBe('%{[log][level]} %{n} x');
  });
  it('renders values as Java prints them', () => {
    const e = event([
      ['i', 50n],
      ['f', 12.5],
      ['big', 1e20],
      ['d', LsBigDecimal.parse('1.50')],
      ['b', true],
      ['l', ['a', null, ['b', 'c']]],
      [
        'h',
        newMap([
          ['b', 1n],
          ['a', 'x'],
        ]),
      ],
    ]);
    expect(e.sprintf('%{i} %{f} %{big} %{d} %{b}')).toBe('50 12.5 1.0E20 1.50 true');
    expect(e.sprintf('%{l}')).toBe('a,,b,c');
    expect(e.sprintf('%{h}')).toBe('{"a":"x","b":1}');
    expect(e.sprintf('%{@timestamp}')).toBe('2026-11-26T23:59:58.250Z');
  });
  it('leaves text without a closed %{ as it is', () => {
    expect(event().sprintf('100%{ and more')).toBe('100%{ and more');
    expect(event().sprintf('no braces')).toBe('no braces');
  });
  it('rejects unknown Joda letters as Joda does', () => {
    expect(() => event().sprintf('%{+qq}')).toThrow('Illegal pattern component: qq');
  });
});
