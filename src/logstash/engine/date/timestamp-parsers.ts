import { civilFromMillis, isLeap, millisOf } from './calendar.js';
import { DateFormatter } from './date-formatter.js';
import { IllegalArgumentError } from './illegal-argument.js';
import { isoDateTimeParser } from './iso8601.js';
import { forPattern } from './joda-pattern.js';
import { JodaZone } from './joda-zone.js';
import { tai64n, unixMillis, unixSeconds } from './numeric-parsers.js';
import type { LsBigDecimal } from '../value.js';

/** A parser of TimestampParserFactory (logstash-filter-date v3.1.15), in epoch milliseconds. */
export type TimestampParser =
  | { kind: 'numeric'; parseString(v: string): bigint; parseLong?(v: bigint): bigint; parseDouble?(v: number): bigint; parseBigDecimal?(v: LsBigDecimal): bigint }
  | { kind: 'text'; parse(v: string): bigint; parseWithTimeZone(v: string, zone: string): bigint };

export interface ParserContext {
  /** The JVM's default zone, used when `timezone` is unset (the Logstash image runs in UTC). */
  defaultZone: string;
  /** The `locale` option as a BCP 47 tag, or the JVM default (en-US in the Logstash image). */
  locale: string;
  /** The wall clock, for patterns without a year (JodaParser.java:37-48). */
  now: () => Date;
}

/**
 * TimestampParserFactory.makeParser (TimestampParserFactory.java:37-62): the four keywords, or a
 * Joda pattern. A `%{...}` timezone leaves the zone to each event (tz = null here).
 */
export function makeParser(format: string, zone: string | undefined, ctx: ParserContext): TimestampParser {
  const tz = zone === undefined ? ctx.defaultZone : zone.includes('%{') ? undefined : zone;
  switch (format) {
    case 'ISO8601':
      return casualIso8601(tz);
    case 'UNIX':
      return { kind: 'numeric', ...unixSeconds };
    case 'UNIX_MS':
      return { kind: 'numeric', ...unixMillis };
    case 'TAI64N':
      // TAI64NParser refuses numbers (:46-59): only its string form is given here.
      return { kind: 'numeric', parseString: tai64n.parseString };
    default:
      return jodaParser(format, tz, ctx);
  }
}

const casualPatterns = ['yyyy-MM-dd HH:mm:ss.SSSZ', 'yyyy-MM-dd HH:mm:ss.SSS', 'yyyy-MM-dd HH:mm:ss,SSSZ', 'yyyy-MM-dd HH:mm:ss,SSS'];
let casualBase: DateFormatter[] | undefined;

/** CasualISO8601Parser.java:38-102: ISO dateTimeParser, then four space-separated forms; the first that parses wins. */
function casualIso8601(tz: string | undefined): TimestampParser {
  casualBase ??= [new DateFormatter(isoDateTimeParser, undefined), ...casualPatterns.map((p) => new DateFormatter(forPattern(p, { locale: 'en-US', currentYear: 2000 }), undefined))];
  const base = casualBase;
  const parsers = tz === undefined ? base : base.map((f) => f.withZone(JodaZone.forID(tz)));
  const firstOf = (formatters: DateFormatter[], value: string) => {
    let last: unknown;
    for (const f of formatters) {
      try {
        return BigInt(f.parseMillis(value));
      } catch (error) {
        if (!(error instanceof IllegalArgumentError)) throw error;
        last = error;
      }
    }
    throw last;
  };
  return {
    kind: 'text',
    parse: (value) => firstOf(parsers, value),
    parseWithTimeZone: (value, zone) => {
      const z = JodaZone.forID(zone);
      return firstOf(
        parsers.map((f) => f.withZone(z)),
        value,
      );
    },
  };
}

/**
 * JodaParser.java:50-124: the pattern with withDefaultYear(this year), the locale and the zone.
 * Without a year letter in the pattern (y or Y anywhere, even quoted) the year is guessed per
 * event: this year, except December in January (last year) and January in December (next year).
 */
function jodaParser(pattern: string, tz: string | undefined, ctx: ParserContext): TimestampParser {
  const hasYear = /[yY]/.test(pattern);
  const currentYear = ctx.now().getUTCFullYear();
  const formatter = new DateFormatter(forPattern(pattern, { locale: ctx.locale, currentYear }), JodaZone.forID(tz ?? ctx.defaultZone), currentYear);
  const parseIn = (f: DateFormatter, value: string): bigint => {
    const utc = f.parseMillis(value);
    return BigInt(hasYear ? utc : guessYear(f.effectiveZone, utc, ctx.now()));
  };
  return {
    kind: 'text',
    parse: (value) => parseIn(formatter, value),
    parseWithTimeZone: (value, zone) => parseIn(formatter.withZone(JodaZone.forID(zone)), value),
  };
}

/** parseAndGuessYear (:97-124), then DateTime#withYear in the formatter's zone. */
function guessYear(zone: JodaZone, utc: number, now: Date): number {
  const local = civilFromMillis(utc + zone.getOffset(utc));
  const nowMonth = now.getUTCMonth() + 1;
  let year = now.getUTCFullYear();
  if (local.month === 12 && nowMonth === 1) year -= 1;
  else if (local.month === 1 && nowMonth === 12) year += 1;
  const day = local.month === 2 && local.day === 29 && !isLeap(year) ? 28 : local.day;
  return zone.convertLocalToUTCKeeping(millisOf(year, local.month, day, local.millisOfDay), utc);
}
