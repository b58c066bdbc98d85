import type { PluginNode } from '../../../src/logstash/parser/ast.js';
import { parseConfig } from '../../../src/logstash/parser/parse-config.js';
import { Event } from '../../../src/logstash/engine/event.js';
import { createFilterStage, type AnyFilterDefinition, type StageEnvironment } from '../../../src/logstash/engine/filter-stage.js';
import type { LogLine } from '../../../src/logstash/engine/plugin-log.js';
import { LsTimestamp, newMap, type LsValue } from '../../../src/logstash/engine/value.js';

export const testNow = LsTimestamp.parseInstant('2026-11-26T08:00:00Z');

/** An event built as a codec builds one (Event.fromMap), at a fixed "now". */
export function testEvent(fields: [string, LsValue][], log: LogLine[] = []): Event {
  return Event.fromMap(newMap(fields), { now: () => testNow, log: (l) => log.push(l) });
}

/**
 * Runs ONE filter written in config syntax (`mutate { rename => { "a" => "b" } }`) on events,
 * as the engine runs it (config_init, register, filter, decorators): for unit tests of a
 * filter plugin. Returns the events after it and the log lines it wrote.
 */
export async function runFilter(definition: AnyFilterDefinition, pluginText: string, events: Event[], env: Partial<StageEnvironment> = {}): Promise<{ events: Event[]; log: LogLine[] }> {
  const text = `filter {\n  ${pluginText}\n}\n`;
  const config = parseConfig('test.conf', text);
  const node = config.sections[0]!.body[0] as PluginNode;
  const log: LogLine[] = [];
  const stage = await createFilterStage(
    definition,
    { file: 'test.conf', text, node, kind: 'filter' },
    {
      ecsCompatibility: 'v8',
      variables: {},
      readFile: () => {
        throw new Error('no files in this test');
      },
      log: (line) => log.push(line),
      now: () => testNow,
      ...env,
    },
  );
  return { events: await stage.run(events), log };
}
