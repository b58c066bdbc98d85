import { commonFilterOptions } from './common-options.js';
import { filterMatched } from './decorators.js';
import { PipelineLoadError, WorkerCrash } from './engine-errors.js';
import type { Event } from './event.js';
import { UnmodelledError, type FilterDefinition, type FilterPlugin, type PluginEnvironment } from './filter-api.js';
import { configInit, type PluginSource } from './plugin-config.js';
import { collectingLogger, type LogLine } from './plugin-log.js';
import type { PluginOptions } from './plugin-options.js';
import type { LsTimestamp } from './value.js';
import type { RubyFilterHost } from './filters/ruby-host.js';

/** What the pipeline gives each plugin stage: the plugin environment and Logstash's log. */
export interface StageEnvironment extends PluginEnvironment {
  log(line: LogLine): void;
  now(): LsTimestamp;
  /** The JRuby process, for ruby filters (absent: a ruby filter fails to load, saying so). */
  ruby?: RubyFilterHost;
  /** Socket.gethostname of the Logstash host (the file input's [host][name]); default "logstash". */
  hostName?: string;
}

/** One filter of the filter section, ready to run on a batch of events. */
export interface FilterStage {
  readonly name: string;
  readonly id?: string;
  /** file:line:col of the plugin. */
  readonly where: string;
  /** A ruby filter's `path` (its script), for reports. */
  readonly script?: string;
  /** Filters the events (cancelled ones are skipped); returns them with any new events. */
  run(events: Event[]): Promise<Event[]>;
  close?(): void;
}

/** A plugin whose filtering is asynchronous and batched (ruby, through the JRuby process). */
export interface BatchFilterPlugin {
  multiFilter(events: Event[], decorate: (event: Event) => void): Promise<Event[]>;
  close?(): void;
}

export interface BatchFilterDefinition extends Omit<FilterDefinition, 'create'> {
  createBatch(options: PluginOptions, env: StageEnvironment, where: string): Promise<BatchFilterPlugin>;
}

export type AnyFilterDefinition = FilterDefinition | BatchFilterDefinition;

/** Builds a filter the way Logstash does (config_init, register) and wraps its failures with file:line. */
export async function createFilterStage(definition: AnyFilterDefinition, source: PluginSource, env: StageEnvironment): Promise<FilterStage> {
  const options = configInit(source, { ...commonFilterOptions, ...definition.options }, env.variables);
  const where = options.where;
  const id = options.string('id');
  const decorate = (event: Event) =>
    filterMatched(event, { addField: options.hash('add_field'), removeField: options.array('remove_field'), addTag: options.array('add_tag'), removeTag: options.array('remove_tag') });
  const logger = collectingLogger(`logstash.filters.${definition.name}`, (line) => env.log(line), { pluginId: id, where });
  const fail = (error: unknown): never => {
    if (error instanceof UnmodelledError && !error.where) throw new UnmodelledError(error.message, error.option, error.option ? options.whereOf(error.option) : where);
    if (error instanceof UnmodelledError || error instanceof PipelineLoadError || error instanceof WorkerCrash) throw error;
    throw new WorkerCrash(where, `${definition.name} raised ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, error);
  };
  if ('createBatch' in definition) {
    let batch: BatchFilterPlugin;
    try {
      batch = await definition.createBatch(options, env, where);
    } catch (error) {
      return registerFailure(error, where, definition.name, fail);
    }
    return {
      name: definition.name,
      id,
      where,
      script: options.string('path'),
      run: async (events) => {
        try {
          return await batch.multiFilter(
            events.filter((e) => !e.cancelled),
            decorate,
          );
        } catch (error) {
          return fail(error);
        }
      },
      close: () => batch.close?.(),
    };
  }
  let plugin: FilterPlugin;
  try {
    plugin = await definition.create(options, env);
  } catch (error) {
    return registerFailure(error, where, definition.name, fail);
  }
  return {
    name: definition.name,
    id,
    where,
    async run(events) {
      const out: Event[] = [];
      for (const event of events) {
        if (event.cancelled) continue;
        out.push(event);
        try {
          plugin.filter(event, { matched: () => decorate(event), logger, now: env.now });
        } catch (error) {
          fail(error);
        }
      }
      return out;
    },
    close: () => plugin.close?.(),
  };
}

// An exception from register stops the pipeline before it starts.
function registerFailure(error: unknown, where: string, name: string, fail: (e: unknown) => never): never {
  if (error instanceof UnmodelledError || error instanceof PipelineLoadError) return fail(error);
  throw new PipelineLoadError(where, `Couldn't create the filter ${name}: ${error instanceof Error ? error.message : String(error)}`);
}
