import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../unmodelled-error.js';
import { parseDate } from './date.js';
import { parsesEpochMillis, parsesStrictDateOptionalTime } from './date-formats.js';
import { fieldOf, refusal, jsonValue } from '../../../tests/support/elasticsearch/test-fields.js';

const iso = (s: string) => parsesStrictDateOptionalTime(s, 'f');

describe('strict_date_optional_time (DateFormatters#STRICT_DATE_OPTIONAL_TIME_FORMATTER)', () => {
  it('accepts a 4-digit year, optional month/day, optional time down to nanoseconds, and Z or offsets', () => {
    const ok = [
      '2026',
      '2026-11',
      '2026-11-26',
      '2026-11-26T',
      '2026-11-26T08',
      '2026-11-26T08:00',
      '2026-11-26T08:00:00.123Z',
      '2026-11-26T08:00:00.123456789Z',
      '2026-11-26T08:00:00,5',
      '2026-11-26T08:00:00+01:00',
      '2026-11-26T08:00+0100',
      '2026-11-26T08:00:00-05',
      '2024-02-29T00:00:00UTC',
      '-2026-01-01',
    ];
    expect(ok.filter((s) => !iso(s))).toEqual([]);
  });

  it('resolves STRICT: no month 13, no Feb 29 outside leap years, no hour 24, no 10-digit fractions, no +year or 5-digit year', () => {
    const bad = [
      '2026-13-01',
      '2025-02-29',
      '2026-11-26T24:00',
      '2026-11-26T08:00:00.1234567890',
      '+2026-11-26',
      '20261',
      '26-11-26',
      '2026-11-26 08:00:00',
      '2026-11-26T08:00:00+19:00',
      '2026-11-26t08:00',
      '-0000',
    ];
    expect(bad.filter((s) => iso(s))).toEqual([]);
  });

  it('does not guess region zone ids', () => {
    expect(() => iso('2026-11-26T08:00Europe/Paris')).toThrow(UnmodelledError);
  });
});

describe('epoch_millis (EpochTime#MILLIS_FORMATTER)', () => {
  it('accepts up to 19 digits within a long, an optional sign and up to 6 fraction digits', () => {
    expect(['1732608000000', '-1', '1732608000000.123456', '.5', '9223372036854775807'].every((s) => parsesEpochMillis(s, 'f'))).toBe(true);
    expect(['1.7e12', '9223372036854775808', '1.1234567', '0x10'].some((s) => parsesEpochMillis(s, 'f'))).toBe(false);
  });
});

describe('date (DateFieldMapper#parseCreateField)', () => {
  it('reads numbers by their JSON text, so epoch seconds pass as epoch millis', () => {
    expect(parseDate(fieldOf('date'), jsonValue('1732608000'))).toBe('indexed');
  });

  it("refuses an unparsable date with JavaDateFormatter's message, or ignores it with ignore_malformed", () => {
    expect(refusal(() => parseDate(fieldOf('date'), jsonValue('"yesterday"')))?.error).toEqual({
      type: 'illegal_argument_exception',
      reason: 'failed to parse date field [yesterday] with format [strict_date_optional_time||epoch_millis]',
    });
    expect(refusal(() => parseDate(fieldOf('date'), jsonValue('""')))?.error.reason).toBe('cannot parse empty datetime');
    expect(parseDate(fieldOf('date', { ignoreMalformed: true }), jsonValue('"yesterday"'))).toBe('ignored');
    expect(parseDate(fieldOf('date', { ignoreMalformed: true }), jsonValue('true'))).toBe('ignored');
  });

  it('refuses an object even with ignore_malformed: textOrNull fails outside the try', () => {
    expect(refusal(() => parseDate(fieldOf('date', { ignoreMalformed: true }), jsonValue('{"a":1}')))?.error.type).toBe('illegal_state_exception');
  });
});
