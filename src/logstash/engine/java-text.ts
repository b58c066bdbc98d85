import { isMap, LsBigDecimal, LsTimestamp, type LsValue } from './value.js';

/**
 * How the JVM turns event values into text, in the places Logstash does it: Java's
 * Double.toString (JDK 21, the shortest digits that read back: same digits as JavaScript),
 * Ruby's Float#to_s, and `String.valueOf` on the objects an event holds (JRuby objects print
 * through their Ruby `to_s`).
 */

/** java.lang.Double.toString: plain for 1e-3 <= |d| < 1e7 ("12.5", "5.0"), else "1.0E7", "1.5E-5". */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(d);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** Ruby's Float#to_s (flo_to_s): fixed for decimal exponents -4 < e <= 16, else "1.0e+16", "1.0e-05". */
export function rubyFloatToS(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = Math.abs(d).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const decpt = Number(exponentText) + 1;
  const sign = d < 0 ? '-' : '';
  if (decpt > 0 && decpt <= 16) {
    const int = digits.length > decpt ? digits.slice(0, decpt) : digits.padEnd(decpt, '0');
    const frac = digits.length > decpt ? digits.slice(decpt) : '0';
    return `${sign}${int}.${frac}`;
  }
  if (decpt <= 0 && decpt > -4) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  const exp = decpt - 1;
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * String.valueOf of a value as the event stores it (RubyString, RubyFixnum, RubyFloat,
 * ConvertedMap, ConvertedList...): what `String.format("%s", ...)` prints, e.g. in
 * Accessors.InvalidFieldSetException. Ruby objects print their `to_s`; Java maps
 * `{k=v, k2=v2}` and lists `[a, b]`.
 */
export function javaStoredToString(value: LsValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return rubyFloatToS(value);
  if (value instanceof LsBigDecimal) return value.toRubyString();
  if (value instanceof LsTimestamp) return value.toString();
  if (Array.isArray(value)) return `[${value.map(javaStoredToString).join(', ')}]`;
  if (isMap(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaStoredToString(v)}`)
      .join(', ')}}`;
  return String(value);
}

/**
 * toString of a value after Javafier.deep (String, Long, Double, BigDecimal, Boolean,
 * Timestamp, HashMap, ArrayList; nil becomes Java null, printed "null" inside collections).
 */
export function javafiedToString(value: LsValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return javaDoubleToString(value);
  if (value instanceof LsBigDecimal || value instanceof LsTimestamp) return value.toString();
  if (Array.isArray(value)) return `[${value.map(javafiedToString).join(', ')}]`;
  if (isMap(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javafiedToString(v)}`)
      .join(', ')}}`;
  return String(value);
}
