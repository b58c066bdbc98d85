import { longestOf, optional, sequence } from './joda-combinators.js';
import { decimal, fraction, literal, type DateParser } from './joda-parsers.js';
import { zoneOffset } from './joda-zone-parsers.js';

// ISODateTimeFormat.dateTimeParser() of Joda-Time 2.10.5 (format/ISODateTimeFormat.java:1347-1475,
// elements :1889-2014):
//   datetime     = time | date-opt-time
//   time         = 'T' time-element [offset]
//   date-opt-time = date-element ['T' [time-element] [offset]]
//   date-element = yyyy ['-' MM ['-' dd]] | xxxx '-W' ww ['-' e] | yyyy '-' DDD
//   time-element = HH [':' mm [':' ss [('.'|',') fraction] | ('.'|',') fraction] | ('.'|',') fraction]
//   offset       = 'Z' | ('+'|'-') HH [[':'] mm ...]
// A space instead of the 'T' does not parse here; CasualISO8601Parser tries its other patterns then.

const year = decimal('year', 9, true); // appendYear(4, 9)
const dateElement = longestOf([
  sequence(year, optional(sequence(literal('-'), decimal('monthOfYear', 2, false), optional(sequence(literal('-'), decimal('dayOfMonth', 2, false)))))),
  sequence(decimal('weekyear', 9, true), literal('-W'), decimal('weekOfWeekyear', 2, false), optional(sequence(literal('-'), decimal('dayOfWeek', 1, false)))),
  sequence(year, literal('-'), decimal('dayOfYear', 3, false)),
]);

const decimalPoint = longestOf([literal('.'), literal(',')]);
const timeElement = sequence(
  decimal('hourOfDay', 2, false),
  longestOf(
    [
      sequence(
        literal(':'),
        decimal('minuteOfHour', 2, false),
        longestOf(
          [sequence(literal(':'), decimal('secondOfMinute', 2, false), optional(sequence(decimalPoint, fraction('fractionOfSecond', 9)))), sequence(decimalPoint, fraction('fractionOfMinute', 9))],
          true,
        ),
      ),
      sequence(decimalPoint, fraction('fractionOfHour', 9)),
    ],
    true,
  ),
);

const offset = zoneOffset('Z');
const time = sequence(literal('T'), timeElement, optional(offset));
const dateOptionalTime = sequence(dateElement, optional(sequence(literal('T'), optional(timeElement), optional(offset))));

export const isoDateTimeParser: DateParser = longestOf([time, dateOptionalTime]);
