import type { RubyLogRecord } from '../../jruby/wire-protocol.js';
import type { BatchFilterDefinition, BatchFilterPlugin, StageEnvironment } from '../filter-stage.js';
import { PipelineLoadError } from '../engine-errors.js';
import type { Event } from '../event.js';
import type { LogLine } from '../plugin-log.js';
import type { PluginOptions } from '../plugin-options.js';
import { rubyToS } from '../ruby-inspect.js';
import { cloneValue, isMap, type LsValue } from '../value.js';
import { fromWire, toWire } from '../wire.js';

/**
 * logstash-filter-ruby v3.1.8 (lib/logstash/filters/ruby.rb), executed by a real JRuby through
 * the `jruby` client: the filter is loaded once per pipeline (a `path` script's `test` blocks
 * run then; a failing one stops the pipeline, ruby.rb:47-56) and events cross in batches as wire
 * JSON. What the code does to each event (changes, cancel, new events, the tag_on_exception
 * tags and the "Ruby exception occurred" / "Could not process event" log lines) comes back from
 * JRuby; the decorators (add_field...) are applied here to the events JRuby reports as matched.
 */
export const rubyFilter: BatchFilterDefinition = {
  name: 'ruby',
  source: 'logstash-filter-ruby v3.1.8 lib/logstash/filters/ruby.rb',
  options: {
    init: { validate: 'string' },
    code: { validate: 'string' },
    path: { validate: 'path' },
    script_params: { default: Object.assign(Object.create(null), {}) },
    tag_on_exception: { default: '_rubyexception' },
    tag_with_exception_message: { default: false },
  },
  async createBatch(options: PluginOptions, env: StageEnvironment, where: string): Promise<BatchFilterPlugin> {
    const host = env.ruby;
    if (!host) throw new PipelineLoadError(where, 'the ruby filter needs the JRuby process (the `logs` test project and `npm run logs` start it); none was given to this engine');
    const code = options.string('code');
    const path = options.string('path');
    const tagOnException = rubyToS(options.get('tag_on_exception') ?? '_rubyexception');
    const id = `${options.string('id') ?? 'ruby'}@${where}`;
    const loaded = await host.load(id, {
      code,
      init: options.string('init'),
      path,
      source: path === undefined ? undefined : env.readFile(path, options.whereOf('path')).toString('utf8'),
      scriptParams: plain(options.get('script_params') ?? null) as Record<string, unknown>,
      tagOnException,
      tagWithExceptionMessage: options.get('tag_with_exception_message') === true || options.get('tag_with_exception_message') === 'true',
    });
    const log = (records: readonly RubyLogRecord[]) => records.forEach((r) => env.log(logLine(r, options.string('id'), where)));
    log(loaded.logs);
    const failed = loaded.tests.filter((t) => !t.passed);
    if (!loaded.loaded || failed.length > 0) {
      const why =
        failed.length > 0
          ? failed.flatMap((t) => t.expectations.filter((e) => e.result !== 'passed').map((e) => e.message ?? `${t.name}: ${e.name} ${e.result}`)).join('; ')
          : `${loaded.loaded ? '' : `${loaded.error.class}: ${loaded.error.message}`}`;
      throw new PipelineLoadError(options.whereOf(path === undefined ? 'code' : 'path'), `the ruby filter did not load: ${why}`);
    }
    return {
      async multiFilter(events: Event[], decorate: (event: Event) => void): Promise<Event[]> {
        if (events.length === 0) return [];
        const result = await host.filter(id, events.map(toWire));
        result.inputs.forEach((report) => log(report.logs));
        return result.outputs.map((out) => {
          const input = events[out.from]!;
          const event = fromWire(out.event, input.env);
          event.seq = out.kind === 'input' ? input.seq : input.seq + 0.001 * (out.from + 1);
          if (out.kind === 'input' && result.inputs[out.from]?.matched) {
            try {
              decorate(event);
            } catch (error) {
              // ruby.rb:86-94: filter_matched runs inside the rescue.
              env.log({
                level: 'error',
                logger: 'logstash.filters.ruby',
                message: `Ruby exception occurred: ${(error as Error).message}`,
                data: { class: (error as Error).name },
                pluginId: options.string('id'),
                where,
              });
              event.tag(tagOnException);
            }
          }
          return event;
        });
      },
    };
  },
};

function logLine(r: RubyLogRecord, pluginId: string | undefined, where: string): LogLine {
  const data = Object.keys(r.data).length > 0 ? { data: { ...r.data } } : {};
  // LoggableExt.log4jName: LogStash::Filters::Ruby logs as logstash.filters.ruby.
  return { level: r.level, logger: r.logger.replaceAll('::', '.').toLowerCase(), message: r.message, ...data, pluginId, where };
}

/** Option values as plain JSON for the client (hashes as objects). */
function plain(value: LsValue): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (isMap(value)) return Object.fromEntries(Object.entries(cloneValue(value)).map(([k, v]) => [k, plain(v)]));
  return typeof value === 'bigint' ? Number(value) : value;
}
