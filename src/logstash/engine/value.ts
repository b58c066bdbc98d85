/**
 * The values a Logstash 8.17 event holds, as logstash-core keeps them (Valuefier/ConvertedMap
 * over JRuby objects) and as its JSON mapper writes them (ObjectMappers.java). The JavaScript
 * types are chosen so that no distinction Logstash makes is lost:
 *
 * | Ruby / Java                      | here                                  |
 * |----------------------------------|---------------------------------------|
 * | Integer (Fixnum, Bignum: Long, BigInteger) | `bigint`, any size           |
 * | Float (Double)                   | `number` (5.0 stays a Float: `number`) |
 * | String                           | `string`                              |
 * | true / false / nil               | `boolean` / `null`                    |
 * | Array                            | `LsValue[]`                           |
 * | Hash (ConvertedMap)              | `LsMap`: an object without prototype  |
 * | LogStash::Timestamp (Instant)    | `LsTimestamp`                         |
 *
 * So `1n` and `1` are different values here, as `1` and `1.0` are in Ruby; JSON writing
 * (Jackson) prints the first as `1` and the second as `1.0`, and Elasticsearch maps them as
 * long and float.
 */
export type LsScalar = null | boolean | string | bigint | number | LsTimestamp;
export type LsValue = LsScalar | LsValue[] | LsMap;
export interface LsMap {
  [key: string]: LsValue;
}

/** A hash without prototype, so keys such as `__proto__` or `constructor` are plain keys. */
export function newMap(entries: Iterable<[string, LsValue]> = []): LsMap {
  const map = Object.create(null) as LsMap;
  for (const [k, v] of entries) map[k] = v;
  return map;
}

export function isMap(value: unknown): value is LsMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LsTimestamp);
}

/** A deep copy (timestamps are immutable and shared). */
export function cloneValue<T extends LsValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneValue(v)) as T;
  if (isMap(value)) return newMap(Object.entries(value).map(([k, v]) => [k, cloneValue(v)])) as T;
  return value;
}

const nanosPerSecond = 1_000_000_000n;

/**
 * LogStash::Timestamp: an instant with nanosecond precision (org.logstash.Timestamp wraps a
 * java.time.Instant). Immutable.
 */
export class LsTimestamp {
  /** Seconds since the epoch (may be negative) and the nanoseconds within that second (0..999 999 999). */
  private constructor(readonly epochSecond: bigint, readonly nano: number) {}

  static ofEpochNanos(nanos: bigint): LsTimestamp {
    let seconds = nanos / nanosPerSecond;
    let rest = nanos % nanosPerSecond;
    if (rest < 0n) {
      rest += nanosPerSecond;
      seconds -= 1n;
    }
    return new LsTimestamp(seconds, Number(rest));
  }

  static ofEpochMilli(millis: bigint | number): LsTimestamp {
    return LsTimestamp.ofEpochNanos(BigInt(millis) * 1_000_000n);
  }

  /** Parses what `toString()` prints (ISO-8601 in UTC with a `Z`), for tests and the wire. */
  static parseInstant(text: string): LsTimestamp {
    const m = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
    if (!m) throw new Error(`not an ISO-8601 instant in UTC: ${JSON.stringify(text)}`);
    const [, y, mo, d, h, mi, s, frac = ''] = m;
    const day = BigInt(Date.UTC(Number(y), Number(mo) - 1, Number(d)) / 1000);
    const seconds = day + BigInt(Number(h) * 3600 + Number(mi) * 60 + Number(s));
    return new LsTimestamp(seconds, Number(frac.padEnd(9, '0')));
  }

  get epochNanos(): bigint {
    return this.epochSecond * nanosPerSecond + BigInt(this.nano);
  }

  /** Milliseconds since the epoch, rounded down (Instant.toEpochMilli). */
  get epochMilli(): number {
    return Number(this.epochSecond) * 1000 + Math.floor(this.nano / 1_000_000);
  }

  /**
   * As Timestamp.toString() prints it: ISO-8601 in UTC, at least three fraction digits (".000"
   * when there are no nanoseconds), otherwise DateTimeFormatter.ISO_INSTANT's groups of three.
   */
  toString(): string {
    const date = new Date(Number(this.epochSecond) * 1000);
    const base = date.toISOString().slice(0, 19);
    let fraction = String(this.nano).padStart(9, '0');
    if (this.nano === 0) fraction = '000';
    else if (fraction.endsWith('000000')) fraction = fraction.slice(0, 3);
    else if (fraction.endsWith('000')) fraction = fraction.slice(0, 6);
    return `${base}.${fraction}Z`;
  }

  equals(other: unknown): boolean {
    return other instanceof LsTimestamp && other.epochSecond === this.epochSecond && other.nano === this.nano;
  }

  toJSON(): string {
    return this.toString();
  }
}
