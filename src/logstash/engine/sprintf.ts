import { UnmodelledError } from './filter-api.js';
import { jodaFormat } from './joda-format.js';
import { dumpJackson } from './json-dump.js';
import { javafiedToString } from './java-text.js';
import { isMap, LsTimestamp, type LsValue } from './value.js';

/** What sprintf reads from an event: its stored values (no copies needed) and its time. */
export interface SprintfSource {
  peek(reference: string): LsValue | undefined;
}

/**
 * Event#sprintf: org.logstash.StringInterpolation.evaluate (logstash-core v8.17.4
 * StringInterpolation.java:55-118), step for step:
 * - `%{+%s}`: epoch seconds of @timestamp (and `%{}`, `%{+}`, `%{+%}`: the Java compares a
 *   prefix of "+%s" as long as what is between the braces);
 * - `%{{pattern}}`: @timestamp through java.time's DateTimeFormatter in UTC;
 * - `%{+pattern}`: @timestamp (milliseconds) through Joda's DateTimeFormat in UTC;
 * - `%{ref}`: the field; absent or nil leaves `%{ref}` as written; a list is joined with
 *   "," (nested lists too, nil as ""); a hash is JSON (JSON_MAPPER); anything else its Java
 *   toString (Double.toString for floats, BigDecimal.toString, ISO for timestamps).
 * A missing @timestamp prints nothing for the time forms. An illegal field reference throws.
 */
export function sprintf(event: SprintfSource, template: string): string {
  let open = template.indexOf('%{');
  let close = open === -1 ? -1 : template.indexOf('}', open);
  if (open === -1 || close === -1) return template;
  let out = '';
  let pos = 0;
  const len = template.length;
  while (open > -1 && close > -1) {
    if (open > 0) out += template.slice(pos, open);
    const inner = close - open - 2;
    const timestamp = (): LsTimestamp | undefined => {
      const t = event.peek('@timestamp');
      return t instanceof LsTimestamp ? t : undefined;
    };
    if (inner <= 3 && '+%s'.startsWith(template.slice(open + 2, close))) {
      const t = timestamp();
      out += t ? String(t.epochSecond) : '';
    } else if (charAt(template, open + 2) === '{' && close < len && charAt(template, close + 1) === '}') {
      close += 1;
      const t = timestamp();
      if (t) out += javaTimeFormat(template.slice(open + 3, close - 1), t);
    } else if (charAt(template, open + 2) === '+') {
      const t = timestamp();
      if (t) out += jodaFormat(template.slice(open + 3, close), t.epochMilli);
    } else {
      const found = template.slice(open + 2, close);
      const value = event.peek(found);
      out += value === undefined || value === null ? `%{${found}}` : interpolated(value);
    }
    pos = close + 1;
    open = template.indexOf('%{', pos);
    close = open === -1 ? -1 : template.indexOf('}', open);
  }
  if (pos < len) out += template.slice(pos);
  return out;
}

/** String.charAt: an index past the end throws as Java does. */
function charAt(text: string, index: number): string {
  if (index >= text.length) throw new RangeError(`Index ${index} out of bounds for length ${text.length}`);
  return text[index]!;
}

function interpolated(value: LsValue): string {
  if (Array.isArray(value)) return joinList(value);
  if (isMap(value)) return dumpJackson(value);
  return javafiedToString(value);
}

// KeyNode.join(list, ","): nil items print "", nested lists join the same way.
function joinList(list: readonly LsValue[]): string {
  return list.map((item) => (item === null ? '' : Array.isArray(item) ? joinList(item) : javafiedToString(item))).join(',');
}

/**
 * DateTimeFormatter.ofPattern(p).withZone(UTC): the letters whose meaning is plain (u, y, M,
 * d, H, m, s, S and quoted text). Others (Y is the week-based year in java.time, unlike Joda)
 * are not modelled and say so.
 */
function javaTimeFormat(pattern: string, t: LsTimestamp): string {
  const date = new Date(t.epochMilli);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    const pad = (v: number) => String(v).padStart(n, '0');
    if (c === 'y' || c === 'u') out += n === 2 ? pad(date.getUTCFullYear() % 100) : pad(date.getUTCFullYear());
    else if (c === 'M' && n <= 2) out += pad(date.getUTCMonth() + 1);
    else if (c === 'd') out += pad(date.getUTCDate());
    else if (c === 'H') out += pad(date.getUTCHours());
    else if (c === 'm') out += pad(date.getUTCMinutes());
    else if (c === 's') out += pad(date.getUTCSeconds());
    else if (c === 'S') out += String(t.nano).padStart(9, '0').padEnd(n, '0').slice(0, n);
    else throw new UnmodelledError(`sprintf %{{${pattern}}}: the java.time pattern letter "${c.repeat(n)}" is not modelled (modelled: u y M d H m s S and quoted text)`);
    i += n;
  }
  return out;
}
