import { UnmodelledError } from '../unmodelled-error.js';

/**
 * Whether `strict_date_optional_time` (DateFormatters#STRICT_DATE_OPTIONAL_TIME_FORMATTER,
 * server/.../common/time/DateFormatters.java) parses the whole text, resolved STRICT:
 *
 *   yyyy[-MM[-dd]] ['T' [HH [':' mm [':' ss ['.' f{1,9}] [',' f{1,9}]]] [zone-or-offset-id] [+HHmm]]]
 *
 * The year is exactly 4 digits (SignStyle.EXCEEDS_PAD, strict: '-' allowed, '+' and "-0000"
 * refused); the zone is java.time's appendZoneOrOffsetId ('Z', '+HH:MM[:ss]', UTC/UT/GMT with an
 * optional offset, or a region id) followed by an optional '+HHmm' offset. Region ids are not
 * modelled. Elasticsearch 8.15+ first tries its own Iso8601DateTimeParser and falls back to this
 * formatter, so this language is what is accepted (a text only the ISO parser would accept is
 * not modelled).
 */
export function parsesStrictDateOptionalTime(text: string, where: string): boolean {
  const m = /^(-?)([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(.*)$/s.exec(text);
  if (!m || (m[1] === '-' && m[2] === '0000')) return false;
  const year = Number(`${m[1]}${m[2]}`);
  const month = m[3] === undefined ? 1 : Number(m[3]);
  const day = m[4] === undefined ? 1 : Number(m[4]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  let rest = m[5]!;
  if (rest === '') return true;
  if (!rest.startsWith('T')) return false;
  rest = rest.slice(1);
  const time = /^([0-9]{2})(?::([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,9})?(?:,[0-9]{1,9})?)?)?/.exec(rest);
  if (!time) return rest === ''; // 'T' alone: the hour section is optional
  if (Number(time[1]) > 23 || Number(time[2] ?? 0) > 59 || Number(time[3] ?? 0) > 59) return false;
  rest = rest.slice(time[0].length);
  const afterZone = zoneOrOffsetId(rest, where);
  if (afterZone !== undefined) rest = afterZone;
  const afterOffset = offsetNoColon(rest);
  if (afterOffset !== undefined) {
    if (afterZone !== undefined && afterZone !== rest) throw new UnmodelledError(`a date with both a zone and an offset (${JSON.stringify(text)})`, where);
    rest = afterOffset;
  }
  return rest === '';
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** OffsetIdPrinterParser "+HH:MM:ss" as ZoneIdPrinterParser uses it: hours 0-23, and ZoneOffset's ±18:00. */
function offsetColon(s: string): string | undefined {
  const m = /^[+-]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?/.exec(s);
  if (!m || !validOffset(m[1], m[2], m[3])) return undefined;
  return s.slice(m[0].length);
}

/** TIME_ZONE_FORMATTER_NO_COLON: appendOffset("+HHmm", "Z"). */
function offsetNoColon(s: string): string | undefined {
  if (s.startsWith('Z')) return s.slice(1);
  const m = /^[+-]([0-9]{2})([0-9]{2})?/.exec(s);
  if (!m || !validOffset(m[1], m[2], undefined)) return undefined;
  return s.slice(m[0].length);
}

function validOffset(h: string | undefined, mm: string | undefined, ss: string | undefined): boolean {
  const hours = Number(h);
  const minutes = Number(mm ?? 0);
  const seconds = Number(ss ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  return hours * 3600 + minutes * 60 + seconds <= 18 * 3600;
}

/** DateTimeFormatterBuilder.ZoneIdPrinterParser#parse; returns the rest, or undefined if it fails. */
function zoneOrOffsetId(s: string, where: string): string | undefined {
  if (s === '') return undefined;
  if (s[0] === '+' || s[0] === '-') return offsetColon(s);
  const prefix = /^(UTC|UT|GMT)/.exec(s);
  if (prefix) {
    const after = s.slice(prefix[1]!.length);
    if (prefix[1] === 'GMT' && after.startsWith('0')) return after.slice(1); // "GMT0"
    if (after === '' || after[0] === '0' || after[0] === 'Z') return after; // bare prefix
    return offsetColon(after) ?? after;
  }
  if (/^[A-Za-z]/.test(s) && !/^Z(?![A-Za-z])/.test(s)) {
    throw new UnmodelledError(`a date with a region time zone id (${JSON.stringify(s)})`, where);
  }
  if (s[0] === 'Z') return s.slice(1);
  return undefined;
}

/**
 * `epoch_millis` (EpochTime#MILLIS_FORMATTER): ['-'] digits{1,19} ['.' digits{0,6}], or
 * ['-'] '.' digits{0,6}, the whole within a long.
 */
export function parsesEpochMillis(text: string, where: string): boolean {
  const m = /^-?([0-9]{1,19})(?:\.[0-9]{0,6})?$/.exec(text);
  if (m) return BigInt(m[1]!) <= 9223372036854775807n;
  if (/^-?\.$/.test(text)) throw new UnmodelledError(`the epoch_millis text ${JSON.stringify(text)}`, where);
  return /^-?\.[0-9]{1,6}$/.test(text);
}
