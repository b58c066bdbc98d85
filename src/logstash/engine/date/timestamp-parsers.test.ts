import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { LsTimestamp } from '../value.js';
import { IllegalArgumentError } from './illegal-argument.js';
import { makeParser, type TimestampParser } from './timestamp-parsers.js';

const ctx = { defaultZone: 'UTC', locale: 'en-US', now: () => new Date('2026-11-26T12:00:00Z') };
const iso = (millis: bigint) => LsTimestamp.ofEpochMilli(millis).toString();
const text = (format: string, zone?: string) => {
  const p = makeParser(format, zone, ctx) as Extract<TimestampParser, { kind: 'text' }>;
  return (value: string) => iso(p.parse(value));
};
const fails = (f: () => unknown) => expect(f).toThrow(IllegalArgumentError);

describe('ISO8601: CasualISO8601Parser over Joda 2.10.5 ISODateTimeFormat.dateTimeParser()', () => {
  const parse = text('ISO8601', 'UTC');
  it('reads the usual forms, offsets winning over the timezone', () => {
    expect(parse('2026-11-26T23:30:00-05:00')).toBe('2026-11-27T04:30:00.000Z');
    expect(parse('2026-11-26T08:00:00Z')).toBe('2026-11-26T08:00:00.000Z');
    expect(parse('2026-11-26T08:00:00.123456789+0100')).toBe('2026-11-26T07:00:00.123Z');
    expect(parse('2026-11-26T08:00,5')).toBe('2026-11-26T08:00:30.000Z');
    expect(parse('2026-11-26')).toBe('2026-11-26T00:00:00.000Z');
    expect(parse('2026-W48-4')).toBe('2026-11-26T00:00:00.000Z');
    expect(parse('2026-330')).toBe('2026-11-26T00:00:00.000Z');
    expect(parse('T08:15')).toBe('1970-01-01T08:15:00.000Z');
  });

  it('needs the T, except for the four space-separated forms with milliseconds (CasualISO8601Parser.java:40-44)', () => {
    expect(parse('2026-11-26 08:00:00.123')).toBe('2026-11-26T08:00:00.123Z');
    expect(parse('2026-11-26 08:00:00,123+0200')).toBe('2026-11-26T06:00:00.123Z');
    fails(() => parse('2026-11-26 08:00:00'));
  });

  it('rejects epoch digits beyond nine (a year has at most nine), but reads nine or fewer as a year', () => {
    fails(() => parse('1795737599000'));
    expect(parse('2026')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('checks field ranges (IllegalFieldValueException)', () => {
    fails(() => parse('2026-02-29T00:00:00Z'));
    fails(() => parse('2026-11-26T24:00:00Z'));
    expect(parse('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('Joda patterns (DateTimeFormat.forPattern)', () => {
  it('reads the access-log time "dd/MMM/yyyy:HH:mm:ss Z" in English, short or long month, all-lower or all-upper', () => {
    const parse = text('dd/MMM/yyyy:HH:mm:ss Z');
    expect(parse('26/Nov/2026:21:00:00 +0000')).toBe('2026-11-26T21:00:00.000Z');
    expect(parse('26/nov/2026:21:00:00 +0100')).toBe('2026-11-26T20:00:00.000Z');
    expect(parse('26/NOVEMBER/2026:21:00:00 -0130')).toBe('2026-11-26T22:30:00.000Z');
    fails(() => parse('26/nOv/2026:21:00:00 +0000'));
  });

  it('takes SSS as exactly that many fraction digits, and no minimum width for numbers', () => {
    const parse = text('yyyy-MM-dd HH:mm:ss.SSS', 'UTC');
    expect(parse('2026-11-26 20:15:00.123')).toBe('2026-11-26T20:15:00.123Z');
    expect(parse('2026-11-26 20:15:00.1')).toBe('2026-11-26T20:15:00.100Z');
    expect(parse('2026-1-5 8:0:0.5')).toBe('2026-01-05T08:00:00.500Z');
    fails(() => parse('2026-11-26 20:15:00.1234'));
  });

  it("reads 'T' literals, ZZ offsets with a colon, ZZZ zone IDs, and YYYY as the year of era", () => {
    expect(text("yyyy-MM-dd'T'HH:mm:ssZZ")('2026-11-26T08:00:00+01:00')).toBe('2026-11-26T07:00:00.000Z');
    expect(text('yyyy-MM-dd HH:mm:ss ZZZ')('2026-11-26 08:00:00 Europe/Paris')).toBe('2026-11-26T07:00:00.000Z');
    expect(text('YYYY.MM.dd')('2026.11.26')).toBe('2026-11-26T00:00:00.000Z');
    fails(() => text('YYYY.MM.dd')('0000.11.26'));
  });

  it('applies the timezone, refusing a local time in a DST gap and taking the earlier offset in an overlap', () => {
    const parse = text('yyyy-MM-dd HH:mm:ss', 'Europe/Berlin');
    expect(parse('2026-11-26 08:00:00')).toBe('2026-11-26T07:00:00.000Z');
    fails(() => parse('2026-03-29 02:30:00'));
    expect(parse('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    const ny = text('yyyy-MM-dd HH:mm:ss', 'America/New_York');
    fails(() => ny('2026-03-08 02:30:00'));
    expect(ny('2026-11-01 01:30:00')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('guesses the year of a pattern without one: this year, or last year for December in January (JodaParser.java:97-124)', () => {
    expect(text('MMM dd HH:mm:ss')('Mar 04 10:00:00')).toBe('2026-03-04T10:00:00.000Z');
    const inJanuary = makeParser('MMM dd HH:mm:ss', 'UTC', { ...ctx, now: () => new Date('2027-01-02T00:00:00Z') });
    expect(iso((inJanuary as Extract<TimestampParser, { kind: 'text' }>).parse('Dec 31 23:59:59'))).toBe('2026-12-31T23:59:59.000Z');
  });

  it('refuses unknown pattern letters and zone IDs as Joda does, and names the tokens it does not model', () => {
    expect(() => makeParser('yyyy qq', 'UTC', ctx)).toThrow(new IllegalArgumentError('Illegal pattern component: qq'));
    expect(() => makeParser('yyyy', 'Mars/Olympus', ctx)).toThrow("The datetime zone id 'Mars/Olympus' is not recognised");
    expect(() => makeParser('yyyy', 'europe/berlin', ctx)).toThrow(IllegalArgumentError);
    expect(() => makeParser('EEE, dd MMM yyyy', 'UTC', ctx)).toThrow(UnmodelledError);
    expect(() => makeParser('dd MMM yyyy', 'UTC', { ...ctx, locale: 'de' })).toThrow(UnmodelledError);
  });
});

describe('UNIX, UNIX_MS and TAI64N (UnixEpochParser, UnixMillisEpochParser, TAI64NParser)', () => {
  const ms = makeParser('UNIX_MS', 'UTC', ctx) as Extract<TimestampParser, { kind: 'numeric' }>;
  const s = makeParser('UNIX', 'UTC', ctx) as Extract<TimestampParser, { kind: 'numeric' }>;
  it('UNIX_MS reads epoch SECONDS as milliseconds: 1970 (audit 2.4, UnixMillisEpochParser.java:34-42)', () => {
    expect(iso(ms.parseLong!(1795737599n))).toBe('1970-01-21T18:48:57.599Z');
    expect(iso(ms.parseDouble!(1795737599.75))).toBe('1970-01-21T18:48:57.599Z');
    expect(iso(ms.parseString('1795737599'))).toBe('1970-01-21T18:48:57.599Z');
    expect(iso(ms.parseLong!(1795737599000n))).toBe('2026-11-26T23:59:59.000Z');
    fails(() => ms.parseString('1795737599.5'));
  });

  it('UNIX takes seconds up to Integer.MAX_VALUE, and at most three fraction digits of a string', () => {
    expect(iso(s.parseLong!(1795737599n))).toBe('2026-11-26T23:59:59.000Z');
    expect(iso(s.parseString('1795737599.12345'))).toBe('2026-11-26T23:59:59.123Z');
    expect(iso(s.parseString('-1.5'))).toBe('1969-12-31T23:59:59.500Z');
    expect(iso(s.parseDouble!(1.0005))).toBe('1970-01-01T00:00:01.000Z');
    fails(() => s.parseLong!(2147483648n));
    fails(() => s.parseString('12.'));
  });

  it('TAI64N reads @-prefixed hex, and crashes (not a parse failure) on a short string', () => {
    const t = makeParser('TAI64N', 'UTC', ctx) as Extract<TimestampParser, { kind: 'numeric' }>;
    expect(iso(t.parseString('@400000006b08bea01dcd6500'))).toBe('2026-11-26T23:19:50.500Z'); // 0x1dcd6500 ns = 500 ms, 10 leap seconds taken off
    expect(() => t.parseString('@4000')).toThrow(/StringIndexOutOfBoundsException/);
  });
});
