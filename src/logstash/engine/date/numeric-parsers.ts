import { UnmodelledError } from '../filter-api.js';
import type { LsBigDecimal } from '../value.js';
import { IllegalArgumentError } from './illegal-argument.js';

// The numeric formats of logstash-filter-date v3.1.15 (src/main/java/org/logstash/filters/parser/),
// in epoch milliseconds as Java longs (bigint, wrapped to 64 bits where Java's arithmetic wraps).

const maxEpochSeconds = 2147483647n; // (long) Integer.MAX_VALUE
const long = (v: bigint) => BigInt.asIntN(64, v);

/** Long.parseLong(text, radix): a sign, then digits only; out of range is a NumberFormatException. */
export function javaParseLong(text: string, radix = 10): bigint {
  const digits = radix === 16 ? /^[+-]?[0-9A-Fa-f]+$/ : /^[+-]?[0-9]+$/;
  if (!digits.test(text)) {
    if (/[^\x00-\x7f]/.test(text) && /\p{Nd}/u.test(text)) throw new UnmodelledError(`"${text}": Long.parseLong accepts non-ASCII digits, which the engine does not model`);
    throw new IllegalArgumentError(`For input string: "${text}"${radix === 10 ? '' : ` under radix ${radix}`}`, 'java.lang.NumberFormatException');
  }
  const negative = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  const value = BigInt(radix === 16 ? `0x${body}` : body) * (negative ? -1n : 1n);
  if (value > 9223372036854775807n || value < -9223372036854775808n) throw new IllegalArgumentError(`For input string: "${text}"`, 'java.lang.NumberFormatException');
  return value;
}

/** Java's (long) d and Double#longValue: toward zero, NaN is 0, clamped to the long range. */
export function doubleToLong(value: number): bigint {
  if (Number.isNaN(value)) return 0n;
  // (double) Long.MAX_VALUE is 2^63 exactly (the long rounds up); Long.MIN_VALUE is -2^63.
  if (value >= 2 ** 63) return 9223372036854775807n;
  if (value <= -(2 ** 63)) return -9223372036854775808n;
  return BigInt(Math.trunc(value));
}

/** BigDecimal#longValue (after scaleByPowerOfTen(shift)): toward zero, then the low 64 bits. */
export function decimalToLong(value: LsBigDecimal, shift = 0): bigint {
  const scale = value.scale - shift;
  const whole = scale >= 0 ? value.unscaled / 10n ** BigInt(scale) : value.unscaled * 10n ** BigInt(-scale);
  return long(whole);
}

/**
 * UnixMillisEpochParser.java:28-56: a string through Long.parseLong, a double truncated, no
 * bounds; a BigDecimal (what the json filter makes of a JSON float) up to Integer.MAX_VALUE * 1000.
 */
export const unixMillis = {
  parseString: (value: string): bigint => javaParseLong(value),
  parseLong: (value: bigint): bigint => value,
  parseDouble: (value: number): bigint => doubleToLong(value),
  parseBigDecimal(value: LsBigDecimal): bigint {
    const lv = decimalToLong(value);
    if (lv > maxEpochSeconds * 1000n) throw new IllegalArgumentError('Cannot parse date for value larger than UNIX epoch maximum seconds');
    return lv;
  },
};

function coerceToMillis(seconds: bigint): bigint {
  if (seconds > maxEpochSeconds) throw new IllegalArgumentError('Cannot parse date for value larger than UNIX epoch maximum seconds');
  return long(seconds * 1000n);
}

/** UnixEpochParser.java:27-85: seconds, at most Integer.MAX_VALUE, with up to 3 fraction digits in a string. */
export const unixSeconds = {
  parseString(value: string): bigint {
    const dot = value.indexOf('.');
    if (dot < 0) return coerceToMillis(javaParseLong(value));
    const millis = coerceToMillis(javaParseLong(value.slice(0, dot)));
    const subdigits = Math.min(3, value.length - dot - 1);
    // Long.parseLong of "" throws for "12.", so the 0-digit case never returns.
    const sub = javaParseLong(value.slice(dot + 1, dot + 1 + subdigits));
    return long(millis + sub * [0n, 100n, 10n, 1n][subdigits]!);
  },
  parseLong: (value: bigint): bigint => coerceToMillis(value),
  parseDouble(value: number): bigint {
    if (doubleToLong(value) > maxEpochSeconds) throw new IllegalArgumentError('Cannot parse date for value larger than UNIX epoch maximum seconds');
    return doubleToLong(value * 1000);
  },
  parseBigDecimal(value: LsBigDecimal): bigint {
    if (decimalToLong(value) > maxEpochSeconds) throw new IllegalArgumentError('Cannot parse date for value larger than UNIX epoch maximum seconds');
    return decimalToLong(value, 3);
  },
};

/**
 * TAI64NParser.java:26-44: "@" then 16 hex digits of seconds (2^62 offset masked off) and 8 of
 * nanoseconds, less 10 leap seconds. A string shorter than that makes String#substring throw
 * StringIndexOutOfBoundsException, which DateFilter does not catch: the Logstash worker dies.
 */
export const tai64n = {
  parseString(value: string): bigint {
    const offset = value.startsWith('@') ? 1 : 0;
    if (value.length < 24 + offset) {
      throw new Error(`java.lang.StringIndexOutOfBoundsException: TAI64N value "${value}" is shorter than 24 hex digits (TAI64NParser.java:35-37)`);
    }
    const seconds = javaParseLong(value.slice(offset, 16 + offset), 16) & ((1n << 62n) - 1n);
    const nanosText = value.slice(16 + offset, 24 + offset);
    const nanos = javaParseLong(nanosText, 16);
    if (nanos > 2147483647n) throw new IllegalArgumentError(`For input string: "${nanosText}" under radix 16`, 'java.lang.NumberFormatException');
    return long((seconds - 10n) * 1000n + nanos / 1_000_000n);
  },
};
