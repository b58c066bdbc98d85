import { describe, expect, it } from 'vitest';
import { PluginOptions } from '../plugin-options.js';
import { LsTimestamp, type LsValue } from '../value.js';
import { canonicalOptions } from '../grok/test-support/canonical-plugin.js';
import { createFilter, runFilter } from '../grok/test-support/filter-harness.js';
import { StandInEvent } from '../grok/test-support/stand-in-event.js';
import { DateConfigError, dateFilter, DateFilter } from './date-filter.js';

const date = (values: Record<string, LsValue>) => createFilter(dateFilter, values);
const before = '2026-11-26T08:00:00.000Z';

describe('date filter (logstash-filter-date v3.1.15)', () => {
  it('reads pino epoch milliseconds with time_from_time of logstash.conf', async () => {
    const filter = await date(canonicalOptions('time_from_time'));
    const event = new StandInEvent({ time: 1795737599000n });
    expect(runFilter(filter, event).matched).toBe(1);
    expect(event.timestamp.toString()).toBe('2026-11-26T23:59:59.000Z');
  });

  it('puts epoch SECONDS (Integer, Float or digit string) in January 1970: UNIX_MS wins before UNIX (audit 2.4)', async () => {
    const filter = await date(canonicalOptions('time_from_time'));
    for (const time of [1795737599n, 1795737599.5, '1795737599']) {
      const event = new StandInEvent({ time });
      runFilter(filter, event);
      expect(event.timestamp.toString()).toBe('1970-01-21T18:48:57.599Z');
    }
  });

  it('honours the offset of an ISO8601 timestamp over timezone => UTC (time_from_timestamp)', async () => {
    const filter = await date(canonicalOptions('time_from_timestamp'));
    const event = new StandInEvent({ timestamp: '2026-11-26T23:30:00-05:00' });
    runFilter(filter, event);
    expect(event.timestamp.toString()).toBe('2026-11-27T04:30:00.000Z');
  });

  it('falls through to "yyyy-MM-dd HH:mm:ss" for a space-separated time without milliseconds', async () => {
    const filter = await date(canonicalOptions('time_from_text'));
    const event = new StandInEvent({ '@metadata': { timestamp: '2026-11-26 20:15:00' } });
    runFilter(filter, event);
    expect(event.timestamp.toString()).toBe('2026-11-26T20:15:00.000Z');
  });

  it('parses the access-log time with locale en (time_from_access_log)', async () => {
    const filter = await date(canonicalOptions('time_from_access_log'));
    const event = new StandInEvent({ '@metadata': { http_time: '26/Nov/2026:21:00:00 +0000' } });
    runFilter(filter, event);
    expect(event.timestamp.toString()).toBe('2026-11-26T21:00:00.000Z');
  });

  it("reads the syslog input's own date formats, guessing the year of \"MMM  d HH:mm:ss\" (syslog.rb v3.7.0:119-123)", async () => {
    const options = { match: ['timestamp', 'MMM dd HH:mm:ss', 'MMM  d HH:mm:ss', 'MMM d HH:mm:ss', 'ISO8601'], timezone: 'UTC', target: '@timestamp', tag_on_failure: ['_dateparsefailure'] };
    const filter = DateFilter.create(PluginOptions.of('date', options), {} as never, () => new Date('2026-11-27T00:00:00Z'));
    const event = new StandInEvent({ timestamp: 'Nov  6 22:10:00' });
    runFilter(filter, event);
    expect(event.timestamp.toString()).toBe('2026-11-06T22:10:00.000Z');
  });

  it('tags _dateparsefailure and leaves @timestamp when no format fits; an array never fits', async () => {
    const filter = await date(canonicalOptions('time_from_time'));
    for (const time of ['yesterday', ['1795737599000'], true, 2n ** 70n]) {
      const event = new StandInEvent({ time });
      expect(runFilter(filter, event).matched).toBe(0);
      expect(event.timestamp.toString()).toBe(before);
      expect(event.get('tags')).toEqual(['_dateparsefailure']);
    }
  });

  it('does nothing at all when the field is missing or nil (FIELD_VALUE_IS_NULL_OR_FIELD_NOT_PRESENT)', async () => {
    const filter = await date({ match: ['t', 'ISO8601'] });
    const event = new StandInEvent({ t: null });
    expect(runFilter(filter, event).matched).toBe(0);
    expect(event.includes('tags')).toBe(false);
  });

  it('writes a Timestamp with millisecond precision to another target', async () => {
    const filter = await date({ match: ['t', 'ISO8601'], target: '[event][created]' });
    const event = new StandInEvent({ t: '2026-11-26T08:00:00.123456Z' });
    runFilter(filter, event);
    expect((event.get('[event][created]') as LsTimestamp).toString()).toBe('2026-11-26T08:00:00.123Z');
    expect(event.timestamp.toString()).toBe(before);
  });

  it('takes the zone from the event when timezone holds %{...}, and fails that format on an unknown zone', async () => {
    const filter = await date({ match: ['t', 'yyyy-MM-dd HH:mm'], timezone: '%{tz}' });
    const event = new StandInEvent({ t: '2026-11-26 09:00', tz: 'Europe/Paris' });
    runFilter(filter, event);
    expect(event.timestamp.toString()).toBe('2026-11-26T08:00:00.000Z');
    const bad = new StandInEvent({ t: '2026-11-26 09:00', tz: 'Nowhere/Land' });
    runFilter(filter, bad);
    expect(bad.get('tags')).toEqual(['_dateparsefailure']);
  });

  it('refuses a match without a format, and a pattern Joda refuses, at register', async () => {
    await expect(date({ match: ['t'] })).rejects.toThrow(DateConfigError);
    await expect(date({ match: ['t'] })).rejects.toThrow('current value is ["t"]');
    expect(() => DateFilter.create(PluginOptions.of('date', { match: ['t', 'yyyy-qq'], target: '@timestamp', tag_on_failure: [] }), {} as never)).toThrow(/Illegal pattern component: qq/);
  });
});
