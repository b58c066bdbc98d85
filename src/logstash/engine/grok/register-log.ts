import type { PluginEnvironment } from '../filter-api.js';
import type { StageEnvironment } from '../filter-stage.js';
import { collectingLogger, type PluginLogger } from '../plugin-log.js';
import type { PluginOptions } from '../plugin-options.js';

/**
 * The plugin's logger at register time: FilterContext carries it only per event, but Logstash's
 * plugins also log while registering. The engine's stage environment has the pipeline log; a bare
 * PluginEnvironment (no log) gives undefined, and the line is not written.
 */
export function registerLog(options: PluginOptions, env: PluginEnvironment): PluginLogger | undefined {
  const log = (env as Partial<StageEnvironment>).log;
  if (!log) return undefined;
  return collectingLogger(`logstash.filters.${options.plugin}`, log, { pluginId: options.string('id'), where: options.where });
}
