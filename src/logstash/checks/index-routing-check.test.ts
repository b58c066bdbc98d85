import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { formatRoutes, indexRoutes } from './index-routing-check.js';

const routesOf = (text: string) => indexRoutes([parseConfig('p.conf', text)]);

describe('logstash/index-routing', () => {
  it('lists each elasticsearch output with the conditions that lead to it, earlier clauses negated', () => {
    const { routes, problems } = routesOf(`output {
  elasticsearch { index => "logs-%{+YYYY.MM.dd}" }
  if "error" in [tags] {
    elasticsearch { index => "errors-%{+YYYY.MM.dd}" }
  } else if [type] == "audit" {
    if [x] and [y] { elasticsearch { index => "audit" } }
  } else {
    stdout { }
  }
}`);
    expect(problems).toEqual([]);
    expect(routes.map((r) => [r.index, r.when, r.date, r.line])).toEqual([
      ['logs-%{+YYYY.MM.dd}', 'always', '@timestamp in UTC, formatted YYYY.MM.dd', 2],
      ['errors-%{+YYYY.MM.dd}', '"error" in [tags]', '@timestamp in UTC, formatted YYYY.MM.dd', 4],
      ['audit', 'not ("error" in [tags]) and [type] == "audit" and ([x] and [y])', 'none (one index for all time)', 6],
    ]);
    expect(formatRoutes(routes).split('\n')[0]).toMatch(/^ {2}index +events +date in the name +output at$/);
  });

  it('rejects upper-case index names and warns when senders pick the index or none is named', () => {
    const { problems } = routesOf('output { elasticsearch { index => "Logs-%{+YYYY}" } elasticsearch { index => "app-%{[service]}" } elasticsearch { } }');
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['error', 'index "Logs-%{+YYYY}" has upper-case letters; Elasticsearch rejects such index names'],
      ['warning', 'index "app-%{[service]}" takes part of its name from event fields ([service]): any sender can create indices'],
      ['warning', 'this elasticsearch output names no index, so the plugin picks one (a data stream in 8.x)'],
    ]);
  });
});
