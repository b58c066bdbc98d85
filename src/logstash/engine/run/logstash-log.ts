import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLevel, LogLine } from '../plugin-log.js';
import { inspectLogData } from '../ruby-inspect.js';

const order: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * Which of the lines the engine collected Logstash would actually write, under
 * monitoring/logstash/config/log4j2.properties (logger.<x>.name/.level, the root level from
 * log.level in logstash.yml), and how its console PatternLayout prints them:
 * `[%d{ISO8601}][%-5p][%-25c]%notEmpty{[%X{pipeline.id}]}%notEmpty{[%X{plugin.id}]} %m%n`, where
 * %m of a structured message is the text plus the Ruby inspect of its data
 * (StructuredMessage.java:65-71).
 */
export class LogstashLog {
  constructor(
    private readonly rootLevel: LogLevel,
    private readonly loggerLevels: ReadonlyMap<string, LogLevel>,
    private readonly pipelineId = 'timetable-logs',
  ) {}

  static fromRepo(root: string): LogstashLog {
    const properties = readFileSync(join(root, 'monitoring/logstash/config/log4j2.properties'), 'utf8');
    const settings = readFileSync(join(root, 'monitoring/logstash/config/logstash.yml'), 'utf8');
    const rootLevel = (/^log\.level:\s*(\w+)/m.exec(settings)?.[1] ?? 'info').toLowerCase() as LogLevel;
    const names = new Map<string, string>();
    const levels = new Map<string, LogLevel>();
    for (const m of properties.matchAll(/^logger\.([\w.-]+)\.(name|level)\s*=\s*(\S+)/gm)) {
      if (m[2] === 'name') names.set(m[1]!, m[3]!);
      else levels.set(m[1]!, m[3]!.toLowerCase() as LogLevel);
    }
    return new LogstashLog(rootLevel, new Map([...names].filter(([key]) => levels.has(key)).map(([key, name]) => [name, levels.get(key)!])));
  }

  /** The level that applies to a logger: the longest configured dotted prefix, else the root. */
  levelOf(logger: string): LogLevel {
    let best: string | undefined;
    for (const name of this.loggerLevels.keys()) {
      if ((logger === name || logger.startsWith(`${name}.`)) && (!best || name.length > best.length)) best = name;
    }
    return best ? this.loggerLevels.get(best)! : this.rootLevel;
  }

  written(lines: readonly LogLine[]): LogLine[] {
    return lines.filter((l) => order.indexOf(l.level) >= order.indexOf(this.levelOf(l.logger)));
  }

  /** One line as the console appender prints it (the time stamp left out: it varies). */
  format(line: LogLine): string {
    const level = line.level.toUpperCase().padEnd(5);
    const data = line.data && Object.keys(line.data).length > 0 ? ` ${inspectLogData(line.data)}` : '';
    return `[${level}][${line.logger.padEnd(25)}][${this.pipelineId}]${line.pluginId ? `[${line.pluginId}]` : ''} ${line.message}${data}`;
  }
}
