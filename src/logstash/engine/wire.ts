import type { Event, EventEnvironment } from './event.js';
import { Event as EventClass } from './event.js';
import { parseJackson } from './json-parse.js';
import { isMap, LsBigDecimal, LsTimestamp, newMap, type LsMap, type LsValue } from './value.js';

/**
 * The wire format between the engine and the JRuby process (the contract of
 * /work/briefs/logs-engine-contract.md, "Ruby"): an event is `{"data": {...}, "metadata": {...}}`
 * where
 * - an Integer is written without `.` or exponent, any size (`12345678901234567890`);
 * - a Float always has a `.` or an exponent (`5.0`, `1e+21`); NaN and the infinities are
 *   `{"\u0000float":"NaN"}` (`"Infinity"`, `"-Infinity"`);
 * - a LogStash::Timestamp is `{"\u0000timestamp":"2026-11-26T08:00:00.123456789Z"}`;
 * - a BigDecimal is `{"\u0000bigdecimal":"12.50"}` (its BigDecimal.toString): an addition to
 *   the contract, because the json filter reads floats as BigDecimal (see value.ts).
 */
export interface WireEvent {
  data: LsMap;
  metadata: LsMap;
}

export function toWire(event: Event): string {
  return `{"data":${wireValue(event.toHash())},"metadata":${wireValue(event.metadataMap)}}`;
}

export function wireValue(value: LsValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `{"\\u0000float":"${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}"}`;
    const text = String(value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (value instanceof LsTimestamp) return `{"\\u0000timestamp":"${value.toString()}"}`;
  if (value instanceof LsBigDecimal) return `{"\\u0000bigdecimal":"${value.toString()}"}`;
  if (Array.isArray(value)) return `[${value.map(wireValue).join(',')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}:${wireValue(v)}`)
    .join(',')}}`;
}

/** Reads a wire event back (integers stay bigint, floats number) and builds the Event. */
export function fromWire(text: string, env: EventEnvironment): Event {
  const parsed = parseJackson(text);
  if (!isMap(parsed) || !isMap(parsed.data) || !isMap(parsed.metadata)) throw new Error(`not a wire event: ${text.slice(0, 200)}`);
  const data = unwire(parsed.data) as LsMap;
  data['@metadata'] = unwire(parsed.metadata);
  return EventClass.fromMap(data, env);
}

export function unwire(value: LsValue): LsValue {
  if (Array.isArray(value)) return value.map(unwire);
  if (!isMap(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value[keys[0]!] === 'string') {
    const text = value[keys[0]!] as string;
    if (keys[0] === '\u0000timestamp') return LsTimestamp.parseInstant(text);
    if (keys[0] === '\u0000float') return text === 'NaN' ? Number.NaN : text === 'Infinity' ? Infinity : -Infinity;
    if (keys[0] === '\u0000bigdecimal') return LsBigDecimal.parse(text);
  }
  return newMap(keys.map((k) => [k, unwire(value[k]!)]));
}
