import { describe, expect, it } from 'vitest';
import { LsBigDecimal, LsTimestamp } from '../value.js';
import { canonicalPlugin, pluginText } from '../../../../tests/support/logstash/canonical-plugin.js';
import { filterKit } from '../../../../tests/support/logstash/filter-kit.js';
import { dateFilter } from './date-filter.js';

const canonical = (id: string) => filterKit(dateFilter, canonicalPlugin(id));
const date = (text: string, now?: string) => filterKit(dateFilter, pluginText(`date { ${text} }`), now ? { now: () => LsTimestamp.parseInstant(now) } : {});
const before = '2026-11-26T08:00:00.000Z'; // testing/run-filter.ts testNow: the events' own @timestamp

describe('date filter (logstash-filter-date v3.1.15)', () => {
  it('reads pino epoch milliseconds with time_from_time of logstash.conf, and removes the field on success', async () => {
    const { event, matched } = await (await canonical('time_from_time')).run({ time: 1795737599000n });
    expect(matched).toBe(true);
    expect(event.timestamp.toString()).toBe('2026-11-26T23:59:59.000Z');
    expect(event.includes('time')).toBe(false);
  });

  it('puts epoch SECONDS (Integer, Float, BigDecimal or digit string) in January 1970: UNIX_MS wins before UNIX (audit 2.4)', async () => {
    const kit = await canonical('time_from_time');
    for (const time of [1795737599n, 1795737599.5, LsBigDecimal.parse('1795737599.5'), '1795737599']) {
      const { event } = await kit.run({ time });
      expect(event.timestamp.toString()).toBe('1970-01-21T18:48:57.599Z');
    }
  });

  it('honours the offset of an ISO8601 timestamp over timezone => UTC (time_from_timestamp)', async () => {
    const { event } = await (await canonical('time_from_timestamp')).run({ timestamp: '2026-11-26T23:30:00-05:00' });
    expect(event.timestamp.toString()).toBe('2026-11-27T04:30:00.000Z');
  });

  it('falls through to "yyyy-MM-dd HH:mm:ss" for a space-separated time without milliseconds (time_from_text)', async () => {
    const { event } = await (await canonical('time_from_text')).run({ '@metadata': { timestamp: '2026-11-26 20:15:00' } });
    expect(event.timestamp.toString()).toBe('2026-11-26T20:15:00.000Z');
  });

  it('parses the access-log time with locale en (time_from_access_log)', async () => {
    const { event } = await (await canonical('time_from_access_log')).run({ '@metadata': { http_time: '26/Nov/2026:21:00:00 +0000' } });
    expect(event.timestamp.toString()).toBe('2026-11-26T21:00:00.000Z');
  });

  it('reads the syslog input\'s own date formats, guessing the year of "MMM  d HH:mm:ss" (syslog.rb v3.7.0:119-123)', async () => {
    const kit = await date('match => ["timestamp", "MMM dd HH:mm:ss", "MMM  d HH:mm:ss", "MMM d HH:mm:ss", "ISO8601"] timezone => "UTC"', '2027-01-02T00:00:00Z');
    expect((await kit.run({ timestamp: 'Nov  6 22:10:00' })).event.timestamp.toString()).toBe('2027-11-06T22:10:00.000Z');
    expect((await kit.run({ timestamp: 'Dec 31 23:59:59' })).event.timestamp.toString()).toBe('2026-12-31T23:59:59.000Z');
  });

  it('tags _dateparsefailure and leaves @timestamp and the field when no format fits; an array never fits', async () => {
    const kit = await canonical('time_from_time');
    for (const time of ['yesterday', ['1795737599000'], true, 2n ** 70n]) {
      const { event, matched } = await kit.run({ time });
      expect(matched).toBe(false);
      expect(event.timestamp.toString()).toBe(before);
      expect(event.get('tags')).toEqual(['_dateparsefailure']);
      expect(event.includes('time')).toBe(true);
    }
  });

  it('does nothing at all when the field is missing or nil (FIELD_VALUE_IS_NULL_OR_FIELD_NOT_PRESENT)', async () => {
    const { event, matched } = await (await date('match => ["t", "ISO8601"]')).run({ t: null });
    expect(matched).toBe(false);
    expect(event.includes('tags')).toBe(false);
  });

  it('writes a Timestamp with millisecond precision to another target', async () => {
    const { event } = await (await date('match => ["t", "ISO8601"] target => "[event][created]"')).run({ t: '2026-11-26T08:00:00.123456Z' });
    expect((event.get('[event][created]') as LsTimestamp).toString()).toBe('2026-11-26T08:00:00.123Z');
    expect(event.timestamp.toString()).toBe(before);
  });

  it('takes the zone from the event when timezone holds %{...}, and fails that format on an unknown zone', async () => {
    const kit = await date('match => ["t", "yyyy-MM-dd HH:mm"] timezone => "%{tz}"');
    expect((await kit.run({ t: '2026-11-26 09:00', tz: 'Europe/Paris' })).event.timestamp.toString()).toBe('2026-11-26T08:00:00.000Z');
    expect((await kit.run({ t: '2026-11-26 09:00', tz: 'Nowhere/Land' })).event.get('tags')).toEqual(['_dateparsefailure']);
  });

  it('refuses, at its file:line, a match without a format and a pattern Joda refuses', async () => {
    await expect(date('match => ["t"]')).rejects.toThrow('current value is ["t"]');
    await expect(date('match => ["t", "yyyy-qq"]')).rejects.toThrow(/^test\.conf:2:.*Illegal pattern component: qq/);
  });
});
