import { isMap, LsBigDecimal, LsTimestamp, type LsValue } from './value.js';

/** The Ruby class of a value as the Event hands it to Ruby (`value.class` / getMetaClass). */
export function rubyClassName(value: LsValue | undefined): string {
  if (value === null || value === undefined) return 'NilClass';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'bigint') return 'Integer';
  if (typeof value === 'number') return 'Float';
  if (typeof value === 'boolean') return value ? 'TrueClass' : 'FalseClass';
  if (value instanceof LsTimestamp) return 'LogStash::Timestamp';
  if (value instanceof LsBigDecimal) return 'BigDecimal';
  if (Array.isArray(value)) return 'Array';
  if (isMap(value)) return 'Hash';
  return 'Object';
}

/** The Java class of a value as ConvertedMap stores it (what `o.getClass().toString()` prints). */
export function storedJavaClassName(value: LsValue): string {
  if (value === null) return 'class org.jruby.RubyNil';
  if (typeof value === 'string') return 'class org.jruby.RubyString';
  if (typeof value === 'bigint') return value >= -(2n ** 63n) && value < 2n ** 63n ? 'class org.jruby.RubyFixnum' : 'class org.jruby.RubyBignum';
  if (typeof value === 'number') return 'class org.jruby.RubyFloat';
  if (typeof value === 'boolean') return value ? 'class org.jruby.RubyBoolean$True' : 'class org.jruby.RubyBoolean$False';
  if (value instanceof LsTimestamp) return 'class org.logstash.ext.JrubyTimestampExtLibrary$RubyTimestamp';
  if (value instanceof LsBigDecimal) return 'class org.jruby.ext.bigdecimal.RubyBigDecimal';
  if (Array.isArray(value)) return 'class org.logstash.ConvertedList';
  return 'class org.logstash.ConvertedMap';
}
