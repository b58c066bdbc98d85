import { javaStoredToString } from './java-text.js';
import { rubyClassName } from './ruby-class.js';
import { compareDecimals, isMap, LsBigDecimal, LsTimestamp, type LsValue } from './value.js';

/**
 * The value semantics of conditions, as logstash-core v8.17.4 EventCondition.java applies them
 * to the stored (unconverted) values of an event. `undefined` is an absent field (Java null);
 * `null` is a field holding nil (a RubyNil object).
 */

/** valueIsTruthy (EventCondition.java:394-401): present, and its toString neither "" nor "false". */
export function isTruthy(value: LsValue | undefined): boolean {
  if (value === undefined) return false;
  const text = javaStoredToString(value);
  return text !== '' && text !== 'false';
}

/**
 * Java's `equals` between stored values (Objects.equals in `[a] == [b]`, RubyString#equals
 * and RubyFixnum#equals in `[a] == "x"`): same Ruby class and same value. `5 == 5.0` is false
 * here, unlike Ruby's `==`; lists and hashes compare element by element the same way.
 */
export function javaEquals(a: LsValue | undefined, b: LsValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object') return typeof a === typeof b && a === b;
  if (a instanceof LsTimestamp) return a.equals(b);
  if (a instanceof LsBigDecimal) return b instanceof LsBigDecimal && compareDecimals(a, b) === 0;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => javaEquals(item, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && javaEquals(a[k], b[k]));
  }
  return false;
}

/**
 * Ruby's `==` (RubyArray#equals runs op_equal on its elements): numbers compare by value
 * across Integer, Float and BigDecimal.
 */
export function rubyEquals(a: LsValue | undefined, b: LsValue | undefined): boolean {
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => rubyEquals(item, b[i]));
  return javaEquals(a, b);
}

/** `compare` (EventCondition.java:356-362): left.compareTo(right), or why Logstash throws. */
export function compareValues(left: LsValue | undefined, right: LsValue | undefined): number | { error: string } {
  if (left === undefined || Array.isArray(left) || isMap(left)) {
    const what = (v: LsValue | undefined) => (v === undefined ? '<no-class>:<null-value>' : `${rubyClassName(v)}:${javaStoredToString(v)}`);
    return { error: `Unexpected conditional input combination of '${what(left)}' (left) and '${what(right)}' (right)` };
  }
  if (typeof left === 'string' && typeof right === 'string') return Math.sign(Buffer.compare(Buffer.from(left), Buffer.from(right)));
  if (isNumeric(left) && isNumeric(right)) {
    const c = compareNumbers(left, right);
    if (c !== undefined) return c;
  }
  if (left instanceof LsTimestamp && right instanceof LsTimestamp) return left.epochNanos < right.epochNanos ? -1 : left.epochNanos > right.epochNanos ? 1 : 0;
  // Object#<=> is 0 for the same object (nil, true, false), nil otherwise: Ruby raises.
  if ((left === null || typeof left === 'boolean') && left === right) return 0;
  return {
    error: `comparison of ${rubyClassName(left)} with ${right === undefined ? 'nil' : rubyClassName(right)} failed (${javaStoredToString(left)} vs ${right === undefined ? 'an absent field' : javaStoredToString(right)})`,
  };
}

type Numeric = bigint | number | LsBigDecimal;

function isNumeric(v: LsValue | undefined): v is Numeric {
  return typeof v === 'bigint' || typeof v === 'number' || v instanceof LsBigDecimal;
}

function compareNumbers(a: Numeric, b: Numeric): number | undefined {
  if (typeof a === 'number' && Number.isNaN(a)) return undefined;
  if (typeof b === 'number' && Number.isNaN(b)) return undefined;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = typeof a === 'bigint' ? Number(a) : typeof a === 'number' ? a : a.toNumber();
  const y = typeof b === 'bigint' ? Number(b) : typeof b === 'number' ? b : b.toNumber();
  if (a instanceof LsBigDecimal && b instanceof LsBigDecimal) return compareDecimals(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** UTF-8 byte containment (ByteList#indexOf), as the `in` conditions test strings. */
export function bytesContain(haystack: string, needle: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}
