import type { LsEvent } from '../../event-api.js';
import type { FilterDefinition, FilterPlugin, PluginEnvironment } from '../../filter-api.js';
import { collectingLogger, type LogLine } from '../../plugin-log.js';
import { PluginOptions } from '../../plugin-options.js';
import type { LsValue } from '../../value.js';

/**
 * Builds a filter as the engine would for a unit test: the declared defaults under the values
 * given (no validation: these tests give valid values), ECS v8 as our logstash.yml sets it.
 */
export async function createFilter(definition: FilterDefinition, values: Record<string, LsValue>, env: Partial<PluginEnvironment> = {}): Promise<FilterPlugin> {
  const defaults = Object.entries(definition.options).flatMap(([name, spec]) => (spec.default === undefined ? [] : [[name, spec.default] as const]));
  const options = PluginOptions.of(definition.name, { ...Object.fromEntries(defaults), ...values });
  const environment: PluginEnvironment = {
    ecsCompatibility: 'v8',
    readFile: () => {
      throw new Error('no files in unit tests');
    },
    variables: {},
    ...env,
  };
  return definition.create(options, environment);
}

/** Runs one event through a filter; says whether it called matched() and what it logged. */
export function runFilter(filter: FilterPlugin, event: LsEvent): { matched: number; log: LogLine[] } {
  const log: LogLine[] = [];
  let matched = 0;
  filter.filter(event, { matched: () => void matched++, logger: collectingLogger('logstash.filters.test', log) });
  return { matched, log };
}
