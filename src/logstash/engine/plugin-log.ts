import type { LsValue } from './value.js';

/** log4j levels Logstash plugins log at (LoggerExt.java: fatal, error, warn, info, debug, trace). */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Data attached to a log call: `@logger.warn("msg", :field => f, :value => v)`. Values are event
 * values (written as Ruby's inspect writes them), or `{ ruby: text }` for something that is
 * already the text Ruby would print (an exception class name, a symbol), written as an object
 * literal (event hashes are null-prototype objects, so the two never mix).
 */
export type LogDatum = LsValue | { ruby: string } | LogDatum[];

/** One line Logstash would write to its own log. */
export interface LogLine {
  level: LogLevel;
  /** The log4j logger name (`logstash.filters.grok`, `logstash.codecs.jsonlines`). */
  logger: string;
  /** The plugin's `id` option (log4j's `plugin.id` context), when it runs inside a plugin. */
  pluginId?: string;
  message: string;
  data?: Readonly<Record<string, LogDatum>>;
  /** file:line:col of the plugin in the pipeline config, for people reading a trace. */
  where?: string;
}

/** The logger a plugin gets: the calls the Ruby plugin makes, with the same message and keys. */
export interface PluginLogger {
  readonly name: string;
  log(level: LogLevel, message: string, data?: Record<string, LogDatum>): void;
  error(message: string, data?: Record<string, LogDatum>): void;
  warn(message: string, data?: Record<string, LogDatum>): void;
  info(message: string, data?: Record<string, LogDatum>): void;
  debug(message: string, data?: Record<string, LogDatum>): void;
}

/** A logger that appends to `lines` (or hands each line to a function), tagged with its plugin. */
export function collectingLogger(name: string, lines: LogLine[] | ((line: LogLine) => void), context: { pluginId?: string; where?: string } = {}): PluginLogger {
  const sink = typeof lines === 'function' ? lines : (line: LogLine) => lines.push(line);
  const log = (level: LogLevel, message: string, data?: Record<string, LogDatum>) => {
    sink({ level, logger: name, message, ...(data ? { data } : {}), ...context });
  };
  return {
    name,
    log,
    error: (m, d) => log('error', m, d),
    warn: (m, d) => log('warn', m, d),
    info: (m, d) => log('info', m, d),
    debug: (m, d) => log('debug', m, d),
  };
}
