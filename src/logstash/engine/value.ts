/**
 * The values a Logstash 8.17 event holds, as logstash-core keeps them (Valuefier/ConvertedMap
 * over JRuby objects) and as its JSON mapper writes them (ObjectMappers.java). The JavaScript
 * types are chosen so that no distinction Logstash makes is lost:
 *
 * | Ruby / Java                      | here                                  |
 * |----------------------------------|---------------------------------------|
 * | Integer (Fixnum, Bignum: Long, BigInteger) | `bigint`, any size           |
 * | Float (Double)                   | `number` (5.0 stays a Float: `number`) |
 * | BigDecimal                       | `LsBigDecimal`                        |
 * | String                           | `string`                              |
 * | true / false / nil               | `boolean` / `null`                    |
 * | Array                            | `LsValue[]`                           |
 * | Hash (ConvertedMap)              | `LsMap`: an object without prototype  |
 * | LogStash::Timestamp (Instant)    | `LsTimestamp`                         |
 *
 * So `1n` and `1` are different values here, as `1` and `1.0` are in Ruby; JSON writing
 * (Jackson) prints the first as `1` and the second as `1.0`, and Elasticsearch maps them as
 * long and float.
 *
 * BigDecimal is not rare: LogStash::Json.load (JrJackson::Ruby.parse with no options, jrjackson
 * v0.4.20 JrJacksonRuby.java:41-60) reads every JSON float as a BigDecimal, so the json filter's
 * floats are BigDecimals; Jackson's ObjectMapper (json_lines, Event.fromJson) reads Doubles.
 */
export type LsScalar = null | boolean | string | bigint | number | LsTimestamp | LsBigDecimal;
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
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LsTimestamp) && !(value instanceof LsBigDecimal);
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
  private constructor(
    readonly epochSecond: bigint,
    readonly nano: number,
  ) {}

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

/**
 * java.math.BigDecimal (Ruby's BigDecimal): an unscaled integer and a scale, value =
 * unscaled × 10^-scale. "12.50" keeps its scale (2), as Java does. Immutable.
 */
export class LsBigDecimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** As new BigDecimal(String) reads a JSON number token ("-1.50e3"). */
  static parse(text: string): LsBigDecimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === '' && !m[3])) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
    const [, sign, int = '', frac = '', exp = '0'] = m;
    const digits = BigInt(`${int}${frac}` || '0');
    return new LsBigDecimal(sign === '-' ? -digits : digits, frac.length - Number(exp));
  }

  /** BigDecimal.toString(): plain when the scale is not negative and the exponent is >= -6, else 1.50E+3. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    const adjusted = -this.scale + (digits.length - 1);
    let body: string;
    if (this.scale >= 0 && adjusted >= -6) {
      if (this.scale === 0) body = digits;
      else if (digits.length > this.scale) body = `${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
      else body = `0.${'0'.repeat(this.scale - digits.length)}${digits}`;
    } else {
      const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
      body = `${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
    }
    return negative ? `-${body}` : body;
  }

  /** Ruby's BigDecimal#to_s: "0.125e2" (no trailing zeros; "0.0" for zero). */
  toRubyString(): string {
    if (this.unscaled === 0n) return '0.0';
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    const significant = digits.replace(/0+$/, '');
    const exponent = digits.length - this.scale;
    return `${negative ? '-' : ''}0.${significant}e${exponent}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Numeric equality (BigDecimal#== in Ruby: 1.50 == 1.5). */
  equals(other: unknown): boolean {
    return other instanceof LsBigDecimal && compareDecimals(this, other) === 0;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** -1, 0 or 1, comparing the exact values. */
export function compareDecimals(a: LsBigDecimal, b: LsBigDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(scale - a.scale);
  const y = b.unscaled * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
