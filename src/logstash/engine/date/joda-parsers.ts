import type { FieldType, ParserBucket } from './joda-bucket.js';
import { IllegalArgumentError } from './illegal-argument.js';

/**
 * Joda's InternalParser: parse from `pos`, return the position after what was read, or `~pos`
 * (negative) where it failed. Each one below is the parser of Joda-Time 2.10.5
 * format/DateTimeFormatterBuilder.java named in its comment.
 */
export interface DateParser {
  parseInto(bucket: ParserBucket, text: string, pos: number): number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** CharacterLiteral / StringLiteral (:1224-1282): case-insensitive. */
export function literal(value: string): DateParser {
  return {
    parseInto: (_b, text, pos) => {
      if (text.length - pos < value.length) return ~pos;
      for (let i = 0; i < value.length; i++) {
        const a = text[pos + i]!;
        const b = value[i]!;
        if (a !== b && a.toUpperCase() !== b.toUpperCase() && a.toLowerCase() !== b.toLowerCase()) return ~pos;
      }
      return pos + value.length;
    },
  };
}

/**
 * NumberFormatter.parseInto (:1304-1368): up to maxDigits ASCII digits (a sign first when signed,
 * not counted), no minimum; 9 digits or more go through Integer.parseInt, which overflows.
 */
export function decimal(field: FieldType, maxDigits: number, signed: boolean): DateParser {
  return {
    parseInto: (bucket, text, pos) => {
      let limit = Math.min(maxDigits, text.length - pos);
      let length = 0;
      let sign = '';
      while (length < limit) {
        const c = text[pos + length]!;
        if (length === 0 && signed && (c === '-' || c === '+')) {
          if (length + 1 >= limit || !isDigit(text[pos + 1])) break;
          sign = c;
          length++;
          limit = Math.min(limit + 1, text.length - pos);
          continue;
        }
        if (!isDigit(c)) break;
        length++;
      }
      if (length === 0) return ~pos;
      const digits = text.slice(pos + (sign ? 1 : 0), pos + length);
      const value = Number(digits) * (sign === '-' ? -1 : 1);
      if (length >= 9 && (value > 2147483647 || value < -2147483648)) {
        throw new IllegalArgumentError(`For input string: "${text.slice(pos, pos + length)}"`, 'java.lang.NumberFormatException');
      }
      bucket.saveField(field, value);
      return pos + length;
    },
  };
}

/** TwoDigitYear.parseInto (:1502-1599): "yy" with SimpleDateFormat's pivot (now - 30). */
export function twoDigitYear(pivot: number, lenient: boolean): DateParser {
  const full = decimal('year', 9, true);
  return {
    parseInto: (bucket, text, pos) => {
      if (lenient) {
        let length = 0;
        let sign = false;
        let p = pos;
        while (p + length < text.length) {
          const c = text[p + length]!;
          if (length === 0 && (c === '-' || c === '+')) {
            sign = true;
            if (c === '+') p++;
            else length++;
            continue;
          }
          if (!isDigit(c)) break;
          length++;
        }
        if (length === 0) return ~pos;
        if (sign || length !== 2) return full.parseInto(bucket, text, p);
      } else if (text.length - pos < 2) return ~pos;
      if (!isDigit(text[pos]) || !isDigit(text[pos + 1])) return ~pos;
      let year = Number(text.slice(pos, pos + 2));
      const low = pivot - 50;
      const t = low >= 0 ? low % 100 : 99 + ((low + 1) % 100);
      year += low + (year < t ? 100 : 0) - t;
      bucket.saveField('year', year);
      return pos + 2;
    },
  };
}

/** Fraction.parseInto (:1911-1948): leading digits are the most significant; beyond the millisecond they count for nothing. */
export function fraction(field: 'fractionOfSecond' | 'fractionOfMinute' | 'fractionOfHour', maxDigits: number): DateParser {
  const unit = { fractionOfSecond: 1000, fractionOfMinute: 60_000, fractionOfHour: 3_600_000 }[field];
  return {
    parseInto: (bucket, text, pos) => {
      const limit = Math.min(maxDigits, text.length - pos);
      let value = 0;
      let n = unit * 10;
      let length = 0;
      while (length < limit && isDigit(text[pos + length])) {
        const nn = Math.floor(n / 10);
        value += Number(text[pos + length]) * nn;
        n = nn;
        length++;
      }
      value = Math.floor(value / 10);
      if (length === 0) return ~pos;
      bucket.saveField(field, value);
      return pos + length;
    },
  };
}

/**
 * TextField.parseInto (:1717-1772) for months in English (Java's CLDR names): the short or full
 * name as written, all lower case or all upper case; the longest match wins.
 */
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthValues = new Map<string, number>();
months.forEach((name, i) => {
  for (const form of [name, name.slice(0, 3)]) for (const v of [form, form.toLowerCase(), form.toUpperCase()]) monthValues.set(v, i + 1);
});
export const monthText: DateParser = {
  parseInto: (bucket, text, pos) => {
    for (let end = Math.min(text.length, pos + 9); end > pos; end--) {
      const value = monthValues.get(text.slice(pos, end));
      if (value !== undefined) {
        bucket.saveField('monthOfYear', value);
        return end;
      }
    }
    return ~pos;
  },
};
