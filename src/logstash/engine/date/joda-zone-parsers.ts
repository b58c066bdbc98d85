import type { ParserBucket } from './joda-bucket.js';
import type { DateParser } from './joda-parsers.js';
import { JodaZone } from './joda-zone.js';

const twoDigits = (text: string, pos: number, max: number) => {
  let n = 0;
  while (n < max && pos + n < text.length && text[pos + n]! >= '0' && text[pos + n]! <= '9') n++;
  return n;
};

/**
 * TimeZoneOffset.parseInto (Joda-Time 2.10.5 DateTimeFormatterBuilder.java:2058-2227): the zero
 * text (case-insensitive) or a sign and hh, then [:]mm, [:]ss, [.]SSS, each optional; the
 * offset is kept in the bucket and wins over any zone.
 */
export function zoneOffset(zeroText: string | undefined): DateParser {
  return {
    parseInto: (bucket: ParserBucket, text: string, start: number) => {
      let pos = start;
      if (zeroText !== undefined && text.slice(pos, pos + zeroText.length).toUpperCase() === zeroText.toUpperCase()) {
        bucket.offset = 0;
        return pos + zeroText.length;
      }
      if (text.length - pos <= 1) return ~pos;
      const sign = text[pos];
      if (sign !== '-' && sign !== '+') return ~pos;
      pos++;
      if (twoDigits(text, pos, 2) < 2) return ~pos;
      const hours = Number(text.slice(pos, pos + 2));
      if (hours > 23) return ~pos;
      let offset = hours * 3_600_000;
      pos += 2;
      // biome-ignore lint/suspicious/noConfusingLabels: a labelled block mirrors Joda's parse steps, each of which may stop early.
      parse: {
        if (pos >= text.length) break parse;
        let separators: boolean;
        if (text[pos] === ':') {
          separators = true;
          pos++;
        } else if (text[pos]! >= '0' && text[pos]! <= '9') separators = false;
        else break parse;
        let n = twoDigits(text, pos, 2);
        if (n === 0 && !separators) break parse;
        if (n < 2) return ~pos;
        const minutes = Number(text.slice(pos, pos + 2));
        if (minutes > 59) return ~pos;
        offset += minutes * 60_000;
        pos += 2;
        if (pos >= text.length) break parse;
        if (separators) {
          if (text[pos] !== ':') break parse;
          pos++;
        }
        n = twoDigits(text, pos, 2);
        if (n === 0 && !separators) break parse;
        if (n < 2) return ~pos;
        const seconds = Number(text.slice(pos, pos + 2));
        if (seconds > 59) return ~pos;
        offset += seconds * 1000;
        pos += 2;
        if (pos >= text.length) break parse;
        if (separators) {
          if (text[pos] !== '.' && text[pos] !== ',') break parse;
          pos++;
        }
        n = twoDigits(text, pos, 3);
        if (n === 0 && !separators) break parse;
        if (n < 1) return ~pos;
        offset += Number(text.slice(pos, pos + n).padEnd(3, '0'));
        pos += n;
      }
      bucket.offset = sign === '-' ? -offset : offset;
      return pos;
    },
  };
}

/**
 * TimeZoneId.parseInto (:2371-2410): the longest zone ID the text starts with, case-sensitive.
 * Joda matches against its own list of IDs; here an ID is whatever DateTimeZone.forID would
 * accept by name (ICU's zones and their aliases).
 */
export const zoneId: DateParser = {
  parseInto: (bucket, text, pos) => {
    const run = /^[A-Za-z][A-Za-z0-9/_+-]*/.exec(text.slice(pos, pos + 64))?.[0] ?? '';
    for (let len = run.length; len > 0; len--) {
      const candidate = run.slice(0, len);
      let zone: JodaZone | undefined;
      try {
        zone = candidate.startsWith('+') || candidate.startsWith('-') ? undefined : JodaZone.forID(candidate);
      } catch {
        zone = undefined;
      }
      if (zone) {
        bucket.zone = zone;
        return pos + len;
      }
    }
    return ~pos;
  },
};
