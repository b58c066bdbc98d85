import { javaHashMapOrder } from './java-hash-order.js';
import { javaDoubleToString } from './java-text.js';
import { isMap, LsBigDecimal, LsTimestamp, type LsValue } from './value.js';

/**
 * JSON as Logstash writes it. Both writers are Jackson 2.16 generators underneath:
 * - `dumpJrJackson`: LogStash::Json.dump (logstash-core json.rb:36-46 → JrJackson::Base.generate,
 *   jrjackson v0.4.20 RubyAnySerializer.java), what the elasticsearch output sends for each
 *   document (http_client.rb:132-134 at v11.22.12). Hash keys in the Ruby hash's order.
 * - `dumpJackson`: ObjectMappers.JSON_MAPPER on Javafied values (HashMap key order), what
 *   sprintf prints for a hash field (StringInterpolation.java:99).
 * Shared rules: Integer as digits; Float as Double.toString (`5.0`, `1.0E20`; NaN and
 * Infinity as quoted strings, QUOTE_NON_NUMERIC_NUMBERS); BigDecimal as BigDecimal.toString
 * (`1.50`, `1.5E+3`); LogStash::Timestamp as its ISO string (Timestamp#to_json); nil as null;
 * strings with Jackson's escapes (`\"`, `\\`, \b \t \n \f \r, other controls as \u00XX in
 * upper case; non-ASCII and `/` as they are).
 */
export function dumpJrJackson(value: LsValue): string {
  return write(value, false);
}

export function dumpJackson(value: LsValue): string {
  return write(value, true);
}

function write(value: LsValue, hashMapOrder: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return jacksonString(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? javaDoubleToString(value) : `"${javaDoubleToString(value)}"`;
  if (value instanceof LsBigDecimal) return value.toString();
  if (value instanceof LsTimestamp) return `"${value.toString()}"`;
  if (Array.isArray(value)) return `[${value.map((v) => write(v, hashMapOrder)).join(',')}]`;
  if (isMap(value)) {
    const keys = hashMapOrder ? javaHashMapOrder(Object.keys(value)) : Object.keys(value);
    return `{${keys.map((k) => `${jacksonString(k)}:${write(value[k]!, hashMapOrder)}`).join(',')}}`;
  }
  throw new Error(`cannot write ${String(value)} as JSON`);
}

/** A JSON string as Jackson's generator escapes it (CharTypes.sOutputEscapes128). */
export function jacksonString(text: string): string {
  // Lone surrogates cannot be encoded: String.getBytes(UTF_8) writes "?" for them.
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
  return JSON.stringify(wellFormed).replace(/\\u00([0-9a-f]{2})/g, (_, hex: string) => `\\u00${hex.toUpperCase()}`);
}
