import type { FilterDefinition, FilterPlugin } from '../filter-api.js';
import { ecsCompatibilityOption } from '../common-options.js';
import { parseJrJackson } from '../json-parse.js';
import { rubyInspect, rubyToS } from '../ruby-inspect.js';
import { parseLenientIso8601 } from '../timestamp-parse.js';
import { isMap, LsTimestamp, type LsValue } from '../value.js';

/**
 * logstash-filter-json v3.2.1 (lib/logstash/filters/json.rb:71-131): parse [source] with
 * LogStash::Json.load (JrJackson: floats are BigDecimal, the last of several values wins).
 * Without `target`, the result must be a hash; its @timestamp is coerced (a string read
 * leniently; anything else, or an unreadable string: now, _timestampparsefailure, the original
 * `to_s` in [_@timestamp]); then EVERY key is set with event.set(key, value), so a key is a
 * field reference (`[a][b]` nests, `@metadata` replaces the metadata, an illegal one raises) and
 * overwrites what is there. Failures tag `tag_on_failure` and log at WARN with the raw source.
 */
export const jsonFilter: FilterDefinition = {
  name: 'json',
  source: 'logstash-filter-json v3.2.1 lib/logstash/filters/json.rb',
  options: {
    ...ecsCompatibilityOption,
    source: { validate: 'string', required: true },
    target: { validate: 'field_reference' },
    tag_on_failure: { validate: 'array', default: ['_jsonparsefailure'] },
    skip_on_invalid_json: { validate: 'boolean', default: false },
  },
  create(options): FilterPlugin {
    const sourceField = options.string('source')!;
    const target = options.string('target');
    const tags = options.array('tag_on_failure').map(rubyToS);
    const skip = options.boolean('skip_on_invalid_json');
    return {
      filter(event, ctx) {
        const source = event.get(sourceField);
        const fail = () => tags.forEach((t) => event.tag(t));
        if (source === undefined || source === null || source === false) return;
        try {
          let parsed: LsValue;
          try {
            // JrJackson reads a String only; another value fails when its parser is built.
            if (typeof source !== 'string') throw new Error(`class ${rubyClassOf(source)} cannot be cast to class org.jruby.RubyIO`);
            parsed = parseJrJackson(source);
          } catch (error) {
            if (!skip) {
              fail();
              ctx.logger.warn('Error parsing json', { source: sourceField, raw: source, exception: { ruby: `#<LogStash::Json::ParserError: ${(error as Error).message}>` } });
            }
            return;
          }
          if (target) {
            event.set(target, parsed);
          } else {
            if (!isMap(parsed)) {
              fail();
              ctx.logger.warn('Parsed JSON object/hash requires a target configuration option', { source: sourceField, raw: source });
              return;
            }
            const parsedTimestamp = parsed['@timestamp'];
            delete parsed['@timestamp'];
            const timestamp = typeof parsedTimestamp === 'string' ? parseLenientIso8601(parsedTimestamp) : parsedTimestamp instanceof LsTimestamp ? parsedTimestamp : undefined;
            for (const [k, v] of Object.entries(parsed)) event.set(k, v);
            if (parsedTimestamp !== undefined && parsedTimestamp !== null && parsedTimestamp !== false) {
              if (timestamp) event.timestamp = timestamp;
              else {
                event.timestamp = ctx.now();
                ctx.logger.warn('Unrecognized @timestamp value, setting current time to @timestamp, original in _@timestamp field', { value: rubyInspect(parsedTimestamp) });
                event.tag('_timestampparsefailure');
                event.set('_@timestamp', rubyToS(parsedTimestamp));
              }
            }
          }
          ctx.matched();
        } catch (error) {
          if (error instanceof Error && error.name === 'UnmodelledError') throw error;
          ctx.logger.warn('Exception caught in json filter', { source: sourceField, raw: source, exception: { ruby: `#<${(error as Error).name}: ${(error as Error).message}>` } });
          fail();
        }
      },
    };
  },
};

function rubyClassOf(value: LsValue): string {
  return typeof value === 'bigint' ? 'org.jruby.RubyFixnum' : Array.isArray(value) ? 'org.jruby.RubyArray' : isMap(value) ? 'org.jruby.RubyHash' : 'org.jruby.RubyObject';
}
