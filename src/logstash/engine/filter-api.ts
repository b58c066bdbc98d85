import type { LsEvent } from './event-api.js';
import type { LsTimestamp } from './value.js';
import type { PluginLogger } from './plugin-log.js';
import type { OptionSpecs, PluginOptions } from './plugin-options.js';

/**
 * How a filter plugin plugs into the engine: the shape of LogStash::Filters::Base
 * (logstash-core v8.17.4 lib/logstash/filters/base.rb) without its Ruby plumbing.
 *
 * Life cycle, as Logstash runs it:
 * 1. The engine reads the plugin's options from the AST into plain values (strings, bigint for
 *    integers and number for floats as the config language makes them, arrays, hashes), merges
 *    repeated options (compiler/lscl.rb:117-140), substitutes `${VAR:default}`, applies the
 *    defaults and validates each value against the plugin's declared `options` the way
 *    config/mixin.rb:62-165,413-606 does (an unknown option is Logstash's own "Unknown setting"
 *    error). `create` then gets the validated `PluginOptions` (each value keeps its AST node,
 *    so any error names file:line) — this is `initialize` + `register`.
 * 2. For each event that reaches the plugin, the engine calls `filter(event, ctx)`.
 * 3. When the filter succeeds it calls `ctx.matched()` at the point where the Ruby plugin calls
 *    `filter_matched(event)`. That runs the common decorators AT ONCE, in base.rb's order
 *    (base.rb:196-230): add_field, remove_field, add_tag, remove_tag. Nothing is decorated when
 *    `matched()` is not called. An exception thrown by a decorator (a field write that fails)
 *    propagates into the filter, as it does in Ruby, so a filter that rescues around
 *    filter_matched (mutate does) rescues it too.
 *
 * Errors:
 * - An option, option value or input the plugin does not model: throw `UnmodelledError` (from
 *   `create` or from `filter`); the engine adds the file:line of the option (or plugin) and fails
 *   the run. Prefer `options.unmodelled(name, what)`, which names the option's own line.
 * - Event field writes throw `InvalidFieldSetError` and illegal references `FieldReferenceError`
 *   (./event-errors.ts), as logstash-core does. Catch them only where the Ruby plugin rescues.
 * - Any other exception escaping `filter` is what kills a Logstash worker: the engine reports it
 *   as a pipeline crash at the plugin's file:line.
 *
 * Logstash's own log: a plugin writes what the Ruby plugin logs through `ctx.logger`, with the
 * same message and data keys (`logger.warn("Grok regexp threw exception", { message: ... })`);
 * the engine keeps every line, and applies log4j2.properties levels, so tests can assert what
 * reaches the log (issue 10: no secret in it).
 */
export interface FilterPlugin {
  filter(event: LsEvent, ctx: FilterContext): void;
  /** Releases what `create` opened (a database reader). */
  close?(): void;
}

export interface FilterContext {
  /** LogStash::Filters::Base#filter_matched: add_field, remove_field, add_tag, remove_tag, now. */
  matched(): void;
  /** The plugin's logger (`logstash.filters.<name>`, as LoggableExt names it). */
  readonly logger: PluginLogger;
  /** The pipeline's clock: what `LogStash::Timestamp.now` / `Time.now` give (fixed in tests). */
  now(): LsTimestamp;
}

export interface FilterDefinition {
  /** The name written in the config (`grok`). */
  readonly name: string;
  /**
   * Where the behaviour and option list come from, e.g.
   * `logstash-filter-grok v4.4.3 lib/logstash/filters/grok.rb`.
   */
  readonly source: string;
  /**
   * Every option the plugin itself declares (`config :name, ...`) at the bundled version; the
   * engine adds the common filter options of base.rb (add_field, add_tag, remove_field,
   * remove_tag, periodic_flush, id, enable_metric). An option Logstash knows but the engine does
   * not model is declared with `unmodelled` saying what is missing: setting it is an error.
   */
  readonly options: OptionSpecs;
  create(options: PluginOptions, env: PluginEnvironment): FilterPlugin | Promise<FilterPlugin>;
}

/** What a plugin may ask of the pipeline it runs in. */
export interface PluginEnvironment {
  /** pipeline.ecs_compatibility (monitoring/logstash/config/logstash.yml), for plugins whose option is unset. */
  readonly ecsCompatibility: 'disabled' | 'v1' | 'v8';
  /**
   * The bytes of a file the config names by its path inside the Logstash container
   * (`/usr/share/logstash/scripts/redact.rb`), read from the repository through the mounts of
   * src/logstash/container-paths.ts. Throws a ConfigError naming `where` when no mount holds it.
   */
  readFile(containerPath: string, where: string): Buffer;
  /** Environment variables `${VAR}` resolves against (not process.env unless the caller says so). */
  readonly variables: Readonly<Record<string, string>>;
}

/** Something a plugin does not model: an option, one of its values, or an input it meets. */
export class UnmodelledError extends Error {
  constructor(
    message: string,
    /** The option concerned, when there is one: the engine then names its file:line. */
    readonly option?: string,
    /** file:line:col, when the thrower already knows it. */
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'UnmodelledError';
  }
}
