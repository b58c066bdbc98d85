import { rubyFloatToS } from './java-text.js';
import type { LogDatum } from './plugin-log.js';
import { isMap, LsBigDecimal, LsTimestamp, type LsValue } from './value.js';

/** Ruby's `to_s` of a value (Ruby 3.1, JRuby 9.4): strings as they are, collections inspected. */
export function rubyToS(value: LsValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || isMap(value)) return rubyInspect(value);
  return scalarText(value);
}

/**
 * Ruby's `inspect` (Ruby 3.1: `{:key=>"value"}`, `"a\nb"`, `nil`), which is how Logstash's
 * log lines print the data of a structured message: StructuredMessage.getFormattedMessage
 * (logstash-core v8.17.4 log/StructuredMessage.java:65-71) appends the params hash's to_s.
 */
export function rubyInspect(value: LogDatum | undefined): string {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return inspectString(value);
  if (Array.isArray(value)) return `[${value.map((v) => rubyInspect(v)).join(', ')}]`;
  // `{ ruby: text }` is an object literal (Object.prototype); event hashes have no prototype.
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && 'ruby' in value) return String(value.ruby);
  if (isMap(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${inspectString(k)}=>${rubyInspect(v)}`)
      .join(', ')}}`;
  if (value instanceof LsTimestamp) return value.toString();
  return scalarText(value as LsValue);
}

/** A hash of log data with symbol keys: `{:message=>"x", :value=>5}`. */
export function inspectLogData(data: Readonly<Record<string, LogDatum>>): string {
  return `{${Object.entries(data)
    .map(([k, v]) => `:${k}=>${rubyInspect(v)}`)
    .join(', ')}}`;
}

function scalarText(value: LsValue): string {
  if (typeof value === 'number') return rubyFloatToS(value);
  if (value instanceof LsBigDecimal) return value.toRubyString();
  return String(value);
}

const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e', '"': '\\"', '\\': '\\\\' };

/** String#inspect for a UTF-8 string: printable characters as they are, others escaped. */
export function inspectString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (named[c]) out += named[c];
    else if (c === '#' && '{$@'.includes(text[i + 1] ?? '')) out += '\\#';
    else if (c < ' ') out += `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    else if (c === '\x7f') out += '\\x7F';
    else out += c;
  }
  return `${out}"`;
}
