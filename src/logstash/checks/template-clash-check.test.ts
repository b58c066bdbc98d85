import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { templateClashProblems } from './template-clash-check.js';

const config = parseConfig(
  'p.conf',
  'output {\n  elasticsearch { index => "logs-%{+YYYY.MM.dd}" template => "/usr/share/logstash/templates/index-template.json" template_name => "timetable-logs" }\n}',
);
const messages = (template: object) => templateClashProblems([config], () => JSON.stringify(template, null, 1)).map((p) => `${p.file}:${p.line} ${p.message}`);
const mappings = { mappings: { date_detection: false, properties: {} } };

describe('logstash/template-clash', () => {
  it('reports the Fleet clash at priority 200 and the logs-*-* data streams a logs-* template takes over (audit 1.1, 2.7)', () => {
    const found = messages({ index_patterns: ['logs-*', 'errors-*'], priority: 200, template: mappings });
    expect(found[0]).toMatch(
      /^monitoring\/elasticsearch\/index-template.json:\d+ on a cluster shared with APM and OpenTelemetry, Elasticsearch refuses PUT _index_template\/timetable-logs \(400 illegal_argument_exception: composable template \[timetable-logs\] with index patterns \[logs-\*, errors-\*\], priority \[200\] and no data stream configuration would cause data streams/,
    );
    expect(found.some((m) => /on a cluster with Elastic Agent \/ Fleet integrations, .*have the same priority \[200\]/.test(m))).toBe(true);
    expect(found.at(-1)).toMatch(/index_patterns \["logs-\*","errors-\*"\] match data streams other shippers write \(logs-generic-default, /);
  });

  it('accepts patterns only our daily names match, at a priority of its own', () => {
    expect(messages({ index_patterns: ['logs-20*.*.*', 'errors-20*.*.*'], priority: 180, template: mappings })).toEqual([]);
  });
});
