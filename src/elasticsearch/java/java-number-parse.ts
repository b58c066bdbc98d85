import { UnmodelledError } from '../unmodelled-error.js';

/** Java's NumberFormatException / IllegalArgumentException, carrying the JDK's message. */
export class JavaNumberError extends Error {
  constructor(
    message: string,
    /** The Java exception class, for `caused_by.type`. */
    readonly type: 'number_format_exception' | 'illegal_argument_exception' = 'number_format_exception',
  ) {
    super(message);
    this.name = 'JavaNumberError';
  }
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Character.digit accepts every Unicode decimal digit; only ASCII is modelled. */
function refuseUnicodeDigits(s: string, where: string): void {
  if (/[^\x00-\x7f]/.test(s) && /\p{Nd}/u.test(s.replace(/[0-9]/g, ''))) {
    throw new UnmodelledError(`a number written with non-ASCII digits (${JSON.stringify(s)})`, where, 'Java parses them; this model does not');
  }
}

/** Long.parseLong: an optional sign and decimal digits, within the range of a long. */
export function javaParseLong(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v < LONG_MIN || v > LONG_MAX ? undefined : v;
}

/** new BigDecimal(String): [sign] digits [. digits] [e|E [sign] digits], at least one digit. */
function javaBigDecimal(s: string): { unscaled: bigint; scale: number } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  const unscaled = BigInt(`${m[1]}${m[2] || '0'}${frac}`);
  return { unscaled, scale: frac.length - Number(m[4] ?? '0') };
}

/**
 * How a numeric string becomes a long field value: AbstractXContentParser#toLong
 * (libs/x-content/.../support/AbstractXContentParser.java) with coerce on (index.mapping.coerce
 * defaults to true): Long.parseLong, else BigDecimal truncated toward zero, range-checked.
 */
export function esStringToLong(s: string, where: string): bigint {
  refuseUnicodeDigits(s, where);
  const direct = javaParseLong(s);
  if (direct !== undefined) return direct;
  const d = javaBigDecimal(s);
  if (!d) throw new JavaNumberError(`For input string: "${s}"`, 'illegal_argument_exception');
  if (d.scale < -19) throw new JavaNumberError(`Value [${s}] is out of range for a long`, 'illegal_argument_exception');
  let v: bigint;
  if (d.scale > 19) v = 0n;
  else if (d.scale >= 0)
    v = d.unscaled / 10n ** BigInt(d.scale); // BigInteger division truncates toward zero
  else v = d.unscaled * 10n ** BigInt(-d.scale);
  if (v < LONG_MIN || v > LONG_MAX) throw new JavaNumberError(`Value [${s}] is out of range for a long`, 'illegal_argument_exception');
  return v;
}

/**
 * Double.parseDouble (jdk.internal.math.FloatingDecimal#readJavaFormatString): trims chars <= ' ',
 * then [sign] (NaN | Infinity | digits[.digits] | .digits)[e[sign]digits][f|F|d|D].
 */
export function javaParseDouble(input: string, where: string): number {
  const s = input.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  if (s === '') throw new JavaNumberError('empty String');
  const special = /^([+-]?)(NaN|Infinity)$/.exec(s);
  if (special) return special[2] === 'NaN' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  if (/^[+-]?0[xX]/.test(s)) throw new UnmodelledError(`a hexadecimal floating-point string (${JSON.stringify(s)})`, where);
  const m = /^([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[fFdD]?$/.exec(s);
  if (!m) throw new JavaNumberError(`For input string: "${s}"`);
  return Number(m[1]);
}

/** Float.parseFloat; rounding through double first differs only in rare double-rounding cases. */
export function javaParseFloat(input: string, where: string): number {
  return Math.fround(javaParseDouble(input, where));
}

export function isLongRange(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX;
}
