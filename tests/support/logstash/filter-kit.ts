import { Event } from '../../../src/logstash/engine/event.js';
import type { FilterDefinition } from '../../../src/logstash/engine/filter-api.js';
import { createFilterStage, type StageEnvironment } from '../../../src/logstash/engine/filter-stage.js';
import type { PluginSource } from '../../../src/logstash/engine/plugin-config.js';
import type { LogLine } from '../../../src/logstash/engine/plugin-log.js';
import { testNow } from './run-filter.js';
import { newMap, type LsValue } from '../../../src/logstash/engine/value.js';

export interface FilterKit {
  /** Runs one event built from `fields` (plain objects become hashes); says whether the filter called matched(). */
  run(fields: Record<string, unknown>): Promise<{ event: Event; matched: boolean }>;
  /** What Logstash would have logged so far. */
  readonly log: LogLine[];
}

/**
 * A filter built and run by the engine's own stage (config_init with validation and defaults,
 * register, filter, decorators, file:line on failures), on logs-engine's Event, with a spy on
 * matched(). Pipeline clock fixed at testing/run-filter.ts testNow unless `env.now` says otherwise.
 */
export async function filterKit(definition: FilterDefinition, source: PluginSource, env: Partial<StageEnvironment> = {}): Promise<FilterKit> {
  const log: LogLine[] = [];
  let matched = false;
  const spied: FilterDefinition = {
    ...definition,
    create: async (options, environment) => {
      const plugin = await definition.create(options, environment);
      return { filter: (event, ctx) => plugin.filter(event, { ...ctx, matched: () => ((matched = true), ctx.matched()) }), close: () => plugin.close?.() };
    },
  };
  const stage = await createFilterStage(spied, source, {
    ecsCompatibility: 'v8',
    variables: {},
    readFile: () => {
      throw new Error('no files in unit tests');
    },
    log: (line) => log.push(line),
    now: () => testNow,
    ...env,
  });
  return {
    log,
    async run(fields) {
      matched = false;
      const event = Event.fromMap(toMap(fields), { now: env.now ?? (() => testNow), log: (l) => log.push(l) });
      await stage.run([event]);
      return { event, matched };
    },
  };
}

function toMap(fields: Record<string, unknown>) {
  return newMap(Object.entries(fields).map(([k, v]) => [k, toValue(v)]));
}

function toValue(value: unknown): LsValue {
  if (Array.isArray(value)) return value.map(toValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return toMap(value as Record<string, unknown>);
  return value as LsValue;
}
