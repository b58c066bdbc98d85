import { oniguruma } from '../../ruby-regex.js';
import type { LsEvent } from '../event-api.js';
import { FieldReferenceError, InvalidFieldSetError } from '../event-errors.js';
import type { FilterContext, FilterDefinition, FilterPlugin, PluginEnvironment } from '../filter-api.js';
import { registerLog } from './register-log.js';
import type { PluginOptions } from '../plugin-options.js';
import { newMap, type LsValue } from '../value.js';
import { Grok, type GrokCapture } from './grok.js';
import { chomp, corePatterns } from './pattern-files.js';
import { rubyToS } from '../ruby-inspect.js';

const source = 'logstash-filter-grok v4.4.3 lib/logstash/filters/grok.rb';

/** grok.rb:166-253 (and the ECS mixin's ecs_compatibility). */
export const grokFilter: FilterDefinition = {
  name: 'grok',
  source,
  options: {
    match: { validate: 'hash', default: newMap() },
    patterns_dir: { validate: 'array', default: [] },
    pattern_definitions: { validate: 'hash', default: newMap() },
    patterns_files_glob: { validate: 'string', default: '*' },
    break_on_match: { validate: 'boolean', default: true },
    named_captures_only: { validate: 'boolean', default: true },
    keep_empty_captures: { validate: 'boolean', default: false },
    target: { validate: 'string' },
    tag_on_failure: { validate: 'array', default: ['_grokparsefailure'] },
    timeout_millis: { validate: 'number', default: 30000n },
    timeout_scope: { validate: ['pattern', 'event'], default: 'pattern' },
    tag_on_timeout: { validate: 'string', default: '_groktimeout' },
    overwrite: { validate: 'array', default: [] },
    ecs_compatibility: { validate: ['disabled', 'v1', 'v8'] },
  },
  create: async (options, env) => GrokFilter.create(options, env),
};

/**
 * LogStash::Filters::Grok#register and #filter. Timeouts (timeout_millis, tag_on_timeout) are
 * accepted but never fire: nothing here interrupts a match, so where Logstash would give up after
 * 30 s and tag `_groktimeout`, the engine runs the match to its end (or Oniguruma's retry limit,
 * which reports "no match").
 */
export class GrokFilter implements FilterPlugin {
  private constructor(
    private readonly patterns: ReadonlyMap<string, readonly Grok[]>,
    private readonly breakOnMatch: boolean,
    private readonly keepEmptyCaptures: boolean,
    private readonly target: string | undefined,
    private readonly overwrite: readonly string[],
    private readonly tagOnFailure: readonly string[],
  ) {}

  static async create(options: PluginOptions, env: PluginEnvironment): Promise<GrokFilter> {
    if (options.array('patterns_dir').length > 0) {
      options.unmodelled('patterns_dir', 'pattern files from directories are not loaded by the engine; define the patterns in pattern_definitions');
    }
    const ecs = options.string('ecs_compatibility') ?? env.ecsCompatibility;
    // grok.rb:328-346: v1 and v8 both load the ecs-v1 set; v8 warns at register.
    if (ecs === 'v8') {
      registerLog(options, env)?.warn(
        'ECS v8 support is a preview of the unreleased ECS v8, and uses the v1 patterns. When Version 8 of the Elastic Common Schema becomes available, this plugin will need to be updated',
      );
    }
    const definitions = new Map(corePatterns(ecs === 'disabled' ? 'legacy' : 'ecs-v1'));
    // grok.rb:475-480: inline definitions after the files (a name redefined wins), chomped.
    for (const [name, pattern] of Object.entries(options.hash('pattern_definitions'))) {
      if (pattern === null) continue;
      if (typeof pattern !== 'string') options.unmodelled('pattern_definitions', `the definition of ${name} is not a string`);
      definitions.set(name, chomp(pattern));
    }
    const onig = await oniguruma();
    const namedCapturesOnly = options.boolean('named_captures_only');
    const patterns = new Map<string, Grok[]>();
    for (const [field, value] of Object.entries(options.hash('match'))) {
      const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
      if (!list || list.some((p) => typeof p !== 'string')) options.unmodelled('match', `the patterns for ${field} are not strings`);
      patterns.set(
        field,
        (list as string[]).map((p) => Grok.compile(onig, p, definitions, namedCapturesOnly)),
      );
    }
    let target = options.string('target');
    // grok.rb:289: a plain name becomes a field reference.
    if (target !== undefined && !/\[.*?\]/.test(target)) target = `[${target.replace(/^[\s\0]+|[\s\0]+$/g, '')}]`;
    return new GrokFilter(patterns, options.boolean('break_on_match'), options.boolean('keep_empty_captures'), target, options.strings('overwrite'), options.strings('tag_on_failure'));
  }

  /** grok.rb:295-320. */
  filter(event: LsEvent, ctx: FilterContext): void {
    let matched = false;
    for (const [field, groks] of this.patterns) {
      if (this.matchField(groks, field, event, ctx)) {
        matched = true;
        if (this.breakOnMatch) break;
      }
    }
    if (matched) ctx.matched();
    else for (const tag of this.tagOnFailure) event.tag(tag);
  }

  /** grok.rb:348-362: each element of an array is tried (all of them); exceptions are logged. */
  private matchField(groks: readonly Grok[], field: string, event: LsEvent, ctx: FilterContext): boolean {
    try {
      const input = event.get(field);
      if (!Array.isArray(input)) return this.matchValue(groks, input, event);
      let success = false;
      for (const item of input) success = this.matchValue(groks, item, event) || success;
      return success;
    } catch (error) {
      const rubyClass = rescuedAsStandardError(error);
      if (rubyClass === undefined) throw error;
      ctx.logger.warn('Grok regexp threw exception', { message: (error as Error).message, exception: { ruby: rubyClass } });
      return false;
    }
  }

  /**
   * grok.rb:364-400 (Matcher#match): the value as a string (nil is ""), each pattern in turn;
   * the result is that of the LAST pattern tried, so with break_on_match => false a field counts
   * as matched only when its last pattern matches.
   */
  private matchValue(groks: readonly Grok[], input: LsValue | undefined, event: LsEvent): boolean {
    const text = rubyToS(input);
    let matched = false;
    for (const grok of groks) {
      const m = grok.execute(text);
      matched = m !== null;
      if (!m) continue;
      for (const capture of grok.capture(text, m)) this.handle(capture, event);
      if (this.breakOnMatch) break;
    }
    return matched;
  }

  /** grok.rb:418-443: where one capture goes. */
  private handle({ field, value }: GrokCapture, event: LsEvent): void {
    if (!this.keepEmptyCaptures && (value === null || value === '')) return;
    const targetField = this.target ? `${this.target}[${field}]` : field;
    if (this.overwrite.includes(field)) {
      event.set(targetField, value);
      return;
    }
    const existing = event.get(targetField);
    if (existing === undefined || existing === null) event.set(targetField, value);
    else if (Array.isArray(existing)) event.set(targetField, [...existing, value]);
    else if (typeof existing === 'string') event.set(targetField, [existing, value]);
    // Anything else (a number, a hash, a timestamp) is left as it is: upstream only logs at debug.
  }

  close(): void {}
}

/**
 * The Ruby class grok.rb:359's `rescue StandardError` sees for an error thrown by the event, or
 * undefined when it is not one Logstash's event would raise (a bug here must not become a log line).
 */
function rescuedAsStandardError(error: unknown): string | undefined {
  if (error instanceof FieldReferenceError) return 'RuntimeError'; // JrubyEventExtLibrary.java:335-336
  if (error instanceof InvalidFieldSetError) return 'Java::OrgLogstash::Accessors::InvalidFieldSetException';
  // JrubyEventExtLibrary.java:116-118: setting @timestamp to something else is a Ruby TypeError.
  if (error instanceof TypeError && error.message.startsWith('wrong argument type')) return 'TypeError';
  return undefined;
}
