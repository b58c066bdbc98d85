import type { LsEvent } from '../event-api.js';
import type { FilterContext, FilterDefinition, FilterPlugin, PluginEnvironment } from '../filter-api.js';
import type { PluginOptions } from '../plugin-options.js';
import type { StageEnvironment } from '../filter-stage.js';
import { LsBigDecimal, LsTimestamp, type LsValue } from '../value.js';
import { registerLog } from '../grok/register-log.js';
import { IllegalArgumentError } from './illegal-argument.js';
import { makeParser, type ParserContext, type TimestampParser } from './timestamp-parsers.js';

const source = 'logstash-filter-date v3.1.15 lib/logstash/filters/date.rb + src/main/java/org/logstash/filters';

/** date.rb:35-151. */
export const dateFilter: FilterDefinition = {
  name: 'date',
  source,
  options: {
    timezone: { validate: 'string' },
    locale: { validate: 'string' },
    match: { validate: 'array', default: [] },
    target: { validate: 'string', default: '@timestamp' },
    tag_on_failure: { validate: 'array', default: ['_dateparsefailure'] },
  },
  create: (options, env) => DateFilter.create(options, env),
};

/** What the Logstash image runs with: TZ unset (UTC) and LANG=en_US.UTF-8 (docker/templates/Dockerfile.erb:99-101,187). */
export const logstashImageDefaults = { defaultZone: 'UTC', locale: 'en-US' } as const;

type Executor = (input: LsValue, event: LsEvent) => bigint;

/** A Logstash configuration error: the plugin would not register and the pipeline would not start. */
export class DateConfigError extends Error {
  constructor(
    message: string,
    readonly option: string,
  ) {
    super(message);
    this.name = 'DateConfigError';
  }
}

/** LogStash::Filters::Date (date.rb:157-202) over org.logstash.filters.DateFilter (DateFilter.java). */
export class DateFilter implements FilterPlugin {
  private constructor(
    private readonly sourceField: string,
    private readonly target: string,
    private readonly tagOnFailure: readonly string[],
    private readonly executors: readonly Executor[],
    private readonly clock: { now: Date },
  ) {}

  static create(options: PluginOptions, env: PluginEnvironment): DateFilter {
    // JodaParser reads the clock at register (the default year) and per event (the year guess):
    // the pipeline's clock, which tests fix, or the wall clock.
    const pipelineNow = (env as Partial<StageEnvironment>).now?.();
    const clock = { now: pipelineNow ? new Date(pipelineNow.epochMilli) : new Date() };
    const match = options.strings('match');
    if (match.length < 2) {
      throw new DateConfigError(`The match setting should contains first a field name and at least one date format, current value is ${JSON.stringify(match).replaceAll(',', ', ')}`, 'match');
    }
    // date.rb:164-170: BCP 47 tags; an underscore is replaced, with a warning.
    if (options.string('locale')?.includes('_')) registerLog(options, env)?.warn('Date filter now use BCP47 format for locale, replacing underscore with dash');
    const locale = options.string('locale')?.replaceAll('_', '-');
    const zone = options.string('timezone');
    const ctx: ParserContext = { ...logstashImageDefaults, ...(locale ? { locale } : {}), now: () => clock.now };
    const executors = match.slice(1).map((format) => {
      try {
        return executorFor(makeParser(format, zone, ctx), zone);
      } catch (error) {
        // Joda refuses the pattern or the zone at register: the pipeline does not start.
        if (error instanceof IllegalArgumentError) throw new DateConfigError(`date format "${format}": ${error.message}`, 'match');
        throw error;
      }
    });
    return new DateFilter(match[0]!, options.string('target')!, options.strings('tag_on_failure'), executors, clock);
  }

  /** DateFilter.receive / executeParsers (DateFilter.java:75-116). */
  filter(event: LsEvent, ctx: FilterContext): void {
    const input = event.get(this.sourceField);
    if (event.cancelled || input === undefined || input === null) return;
    this.clock.now = new Date(ctx.now().epochMilli);
    for (const execute of this.executors) {
      let millis: bigint;
      try {
        millis = execute(input, event);
      } catch (error) {
        if (error instanceof IllegalArgumentError) continue;
        throw error;
      }
      // Timestamp(instant.getMillis()): millisecond precision (TimestampSetter, FieldSetter).
      const timestamp = LsTimestamp.ofEpochMilli(millis);
      if (this.target === '@timestamp') event.timestamp = timestamp;
      else event.set(this.target, timestamp);
      ctx.matched();
      return;
    }
    for (const tag of this.tagOnFailure) event.tag(tag);
  }
}

const javaClassOf = (v: LsValue): string =>
  Array.isArray(v)
    ? 'java.util.ArrayList'
    : typeof v === 'boolean'
      ? 'java.lang.Boolean'
      : typeof v === 'bigint'
        ? 'java.math.BigInteger'
        : v instanceof LsTimestamp
          ? 'org.logstash.Timestamp'
          : typeof v === 'object' && v !== null
            ? 'org.logstash.ConvertedMap'
            : typeof v;

/**
 * NumericParserExecutor.java:35-49 (UNIX, UNIX_MS, TAI64N: String, Long, Double, BigDecimal) and
 * TextParserExecutor.java:28-48 (ISO8601 and Joda patterns: strings only, the zone from
 * event.sprintf when the timezone holds %{...}). Anything else is an IllegalArgumentException,
 * so the next format is tried: an array, a hash, a boolean, a Timestamp, an Integer beyond a long.
 */
function executorFor(parser: TimestampParser, zone: string | undefined): Executor {
  const refuse = (input: LsValue) => new IllegalArgumentError(`Cannot parse date for value of type ${javaClassOf(input)}`);
  if (parser.kind === 'numeric') {
    return (input) => {
      if (typeof input === 'string') return parser.parseString(input);
      if (typeof input === 'bigint' && BigInt.asIntN(64, input) === input) {
        if (!parser.parseLong) throw new IllegalArgumentError(`Expected a string value, but got a long (${input}). Cannot parse date.`);
        return parser.parseLong(input);
      }
      if (typeof input === 'number') {
        if (!parser.parseDouble) throw new IllegalArgumentError(`Expected a string value, but got a double (${input}). Cannot parse date.`);
        return parser.parseDouble(input);
      }
      if (input instanceof LsBigDecimal) {
        if (!parser.parseBigDecimal) throw new IllegalArgumentError(`Expected a string value, but got a bigdecimal (${input}). Cannot parse date.`);
        return parser.parseBigDecimal(input);
      }
      throw refuse(input);
    };
  }
  const dynamic = zone?.includes('%{');
  return (input, event) => {
    if (typeof input !== 'string') throw refuse(input);
    return dynamic ? parser.parseWithTimeZone(input, event.sprintf(zone!)) : parser.parse(input);
  };
}
