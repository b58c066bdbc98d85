import { oniguruma, RubyRegex } from '../../ruby-regex.js';
import type { FilterDefinition, FilterPlugin } from '../filter-api.js';
import { PipelineLoadError } from '../engine-errors.js';
import { rubyToS } from '../ruby-inspect.js';
import type { PluginOptions } from '../plugin-options.js';
import { isMap, type LsMap } from '../value.js';
import { mutateOperations, type GsubRule } from './mutate-ops.js';

/**
 * logstash-filter-mutate v3.5.8 (lib/logstash/filters/mutate.rb). Whatever order the config
 * writes them in, the operations run in mutate.rb:246-262's fixed order: coerce, rename, update,
 * replace, convert, gsub, uppercase, capitalize, lowercase, strip, split, join, merge, copy,
 * then filter_matched (the decorators). Any exception on the way (a field write that fails, a
 * method a value lacks) is rescued: logged at WARN as "Exception caught while applying mutate
 * filter" with the exception's message (values included), and the event tagged
 * `tag_on_failure`; the decorators do not run then.
 */
export const mutateFilter: FilterDefinition = {
  name: 'mutate',
  source: 'logstash-filter-mutate v3.5.8 lib/logstash/filters/mutate.rb',
  options: {
    coerce: { validate: 'hash' },
    rename: { validate: 'hash' },
    replace: { validate: 'hash' },
    update: { validate: 'hash' },
    convert: { validate: 'hash' },
    gsub: { validate: 'array' },
    uppercase: { validate: 'array' },
    lowercase: { validate: 'array' },
    capitalize: { validate: 'array' },
    split: { validate: 'hash' },
    join: { validate: 'hash' },
    strip: { validate: 'array' },
    merge: { validate: 'hash' },
    copy: { validate: 'hash' },
    tag_on_failure: { validate: 'string', default: '_mutate_error' },
  },
  async create(options: PluginOptions): Promise<FilterPlugin> {
    const onig = await oniguruma();
    const convert = options.get('convert');
    if (isMap(convert)) {
      // mutate.rb:205-216 (register).
      const valid = ['string', 'integer', 'float', 'boolean', 'integer_eu', 'float_eu'];
      for (const [field, type] of Object.entries(convert)) {
        if (typeof type !== 'string' || !valid.includes(type)) {
          throw new PipelineLoadError(options.whereOf('convert'), `Couldn't create the filter mutate: Invalid conversion type '${rubyToS(type)}' for ${field}, expected one of '${valid.join(',')}'`);
        }
      }
    }
    const gsub: GsubRule[] = [];
    const list = options.array('gsub');
    // mutate.rb:218-235: triples of field, needle, replacement; a needle without %{ compiles now.
    for (let i = 0; i < list.length; i += 3) {
      const [field, needle, replacement] = [list[i], list[i + 1], list[i + 2]];
      if (typeof field !== 'string' || typeof needle !== 'string' || typeof replacement !== 'string') {
        throw new PipelineLoadError(
          options.whereOf('gsub'),
          `Couldn't create the filter mutate: Invalid gsub configuration ${JSON.stringify([field ?? null, needle ?? null, replacement ?? null])}. gsub requires 3 non-nil elements per config entry`,
        );
      }
      const compile = (source: string) => RubyRegex.compile(onig, source);
      if (!needle.includes('%{')) {
        try {
          gsub.push({ field, needle: compile(needle), replacement, compile });
        } catch (error) {
          throw new PipelineLoadError(options.whereOf('gsub'), `mutate gsub: ${(error as Error).message}`);
        }
      } else gsub.push({ field, needle, replacement, compile });
    }
    const hash = (name: string): LsMap | undefined => (options.get(name) === undefined || options.get(name) === null ? undefined : options.hash(name));
    const array = (name: string) => (options.get(name) === undefined || options.get(name) === null ? undefined : options.array(name));
    const ops = mutateOperations({
      coerce: hash('coerce'),
      rename: hash('rename'),
      update: hash('update'),
      replace: hash('replace'),
      convert: hash('convert'),
      gsub: options.get('gsub') === undefined ? undefined : gsub,
      uppercase: array('uppercase'),
      capitalize: array('capitalize'),
      lowercase: array('lowercase'),
      strip: array('strip'),
      split: hash('split'),
      join: hash('join'),
      merge: hash('merge'),
      copy: hash('copy'),
    });
    const tagOnFailure = options.string('tag_on_failure') ?? '_mutate_error';
    return {
      filter(event, ctx) {
        try {
          for (const op of ops) op(event, ctx.logger);
          ctx.matched();
        } catch (error) {
          if (!(error instanceof Error) || error.name === 'UnmodelledError') throw error;
          ctx.logger.warn('Exception caught while applying mutate filter', { exception: error.message });
          event.tag(tagOnFailure);
        }
      },
    };
  },
};
