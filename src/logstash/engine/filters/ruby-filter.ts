import type { BatchFilterDefinition, BatchFilterPlugin, StageEnvironment } from '../filter-stage.js';
import { PipelineLoadError, WorkerCrash } from '../engine-errors.js';
import type { Event } from '../event.js';
import type { PluginOptions } from '../plugin-options.js';
import { fromWire, toWire } from '../wire.js';
import type { RubyFilterHost } from './ruby-host.js';

/**
 * logstash-filter-ruby v3.1.8 (lib/logstash/filters/ruby.rb), executed by a real JRuby through
 * the `jruby` client (RubyFilterHost): the script is loaded once per pipeline (its `test` blocks
 * run then, and a failing one stops the pipeline: ruby.rb:47-56), and events cross in batches
 * as wire JSON. What the script does to each event (changes, cancel, new events, the
 * tag_on_exception tag and its "Ruby exception occurred" / "Could not process event" log
 * lines) comes back from JRuby. The decorators run on the JRuby side after the script
 * (ruby.rb:86-87,103-104), so a ruby filter with add_field/add_tag/remove_field/remove_tag is
 * not modelled here.
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
    tag_with_exception_message: { default: false, unmodelled: 'the JRuby client tags with tag_on_exception only' },
  },
  async createBatch(options: PluginOptions, env: StageEnvironment, where: string): Promise<BatchFilterPlugin> {
    for (const decorator of ['add_field', 'add_tag', 'remove_field', 'remove_tag']) {
      const value = options.get(decorator);
      if (options.isSet(decorator) && !(Array.isArray(value) && value.length === 0)) {
        options.unmodelled(decorator, 'decorators on a ruby filter run inside its rescue on the JRuby side, which the JRuby client does not model');
      }
    }
    const host = env.ruby;
    if (!host) throw new PipelineLoadError(where, 'the ruby filter needs the JRuby process (the `logs` test project or `npm run logs` start it); none was given to this engine');
    const code = options.string('code');
    const path = options.string('path');
    if ((code === undefined) === (path === undefined)) {
      throw new PipelineLoadError(where, 'You must either use an inline script with the "code" option or a script file using "path".');
    }
    const script = path === undefined ? undefined : env.readFile(path, options.whereOf('path')).toString('utf8');
    const id = options.string('id') ?? where;
    const loaded = await host.load(id, {
      code,
      init: options.string('init'),
      path,
      script,
      scriptParams: options.hash('script_params'),
      tagOnException: options.string('tag_on_exception') ?? '_rubyexception',
    });
    if ('error' in loaded) throw new PipelineLoadError(options.whereOf(path === undefined ? 'code' : 'path'), `the ruby filter did not load: ${loaded.error}`);
    const failed = loaded.tests.filter((t) => !t.passed);
    if (failed.length > 0) {
      throw new PipelineLoadError(options.whereOf('path'), `Script does not pass its tests: ${failed.map((t) => `${t.name}: ${t.failure ?? 'failed'}`).join('; ')}`);
    }
    return {
      async multiFilter(events: Event[]): Promise<Event[]> {
        if (events.length === 0) return [];
        const result = await host.filter(id, events.map(toWire));
        if ('crash' in result) throw new WorkerCrash(where, result.crash);
        for (const line of result.log) env.log({ ...line, pluginId: options.string('id'), where });
        return result.events.map((wire) => {
          const event = fromWire(wire.event, events[wire.from]?.env ?? { now: env.now, log: env.log });
          if (wire.cancelled) event.cancel();
          return event;
        });
      },
    };
  },
};
