import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../sources/repo-files.js';
import type { LogLine } from '../plugin-log.js';
import { LogstashLog } from './logstash-log.js';

describe("Logstash's own log under monitoring/logstash/config/log4j2.properties", () => {
  const log = LogstashLog.fromRepo(repoRoot);
  it('quiets the json_lines, json and cidr loggers to errors; others log at info (log.level)', () => {
    expect(log.levelOf('logstash.codecs.jsonlines')).toBe('error');
    expect(log.levelOf('logstash.filters.json')).toBe('error');
    expect(log.levelOf('logstash.filters.cidr')).toBe('error');
    expect(log.levelOf('logstash.filters.mutate')).toBe('info');
    const lines: LogLine[] = [
      { level: 'warn' as const, logger: 'logstash.filters.json', message: 'Error parsing json', data: { raw: 'secret' } },
      {
        level: 'warn' as const,
        logger: 'logstash.filters.mutate',
        message: 'Exception caught while applying mutate filter',
        data: { exception: "Could not set field 'x'" },
        pluginId: 'level_from_json',
      },
    ];
    expect(log.written(lines).map((l) => log.format(l))).toEqual([
      `[WARN ][logstash.filters.mutate  ][timetable-logs][level_from_json] Exception caught while applying mutate filter {:exception=>"Could not set field 'x'"}`,
    ]);
  });
});
