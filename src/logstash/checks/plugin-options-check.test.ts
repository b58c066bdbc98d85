import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { pluginSites } from '../walk.js';
import { optionProblems } from './plugin-options-check.js';

const problemsOf = (text: string) => optionProblems(pluginSites([parseConfig('p.conf', text)])).map((p) => ({ line: p.line, column: p.column, message: p.message, hint: p.hint }));

describe('logstash/plugin-options', () => {
  it('accepts documented plugins, their own options, the common ones, and codecs with options', () => {
    expect(
      problemsOf(`input { tcp { id => "x" port => 5000 tags => ["a"] codec => json_lines { decode_size_limit_bytes => 1024 } } }
filter { grok { match => { "message" => "x" } add_tag => ["y"] } }
output { elasticsearch { hosts => "\${ES:http://es:9200}" data_stream => "false" manage_template => true } stdout { codec => rubydebug } }`),
    ).toEqual([]);
  });

  it('names an unknown plugin and the nearest known one', () => {
    const [p] = problemsOf('filter { grk { } }');
    expect(p).toMatchObject({ line: 1, column: 10, message: 'unknown filter plugin "grk"; did you mean "grok"?' });
    expect(p!.hint).toContain('src/logstash/plugin-options/filters.yaml');
  });

  it('names an unknown option, the nearest one, and cites the documentation it was checked against', () => {
    const [p] = problemsOf('filter {\n  grok { mach => { "message" => "x" } }\n}');
    expect(p).toMatchObject({ line: 2, column: 10, message: 'unknown option "mach" for the grok filter; did you mean "match"?' });
    expect(p!.hint).toMatch(/^options of grok \(logstash-plugins\/logstash-filter-grok docs\/index.asciidoc @ v4\.4\.3 .*match/);
  });

  it('checks codec options too', () => {
    expect(problemsOf('input { file { path => ["/x"] codec => multiline { pattern => "^x" what => "previous" negat => true } } }')[0]).toMatchObject({
      message: 'unknown option "negat" for the multiline codec; did you mean "negate"?',
    });
  });

  it('reports a missing required option, a value outside the documented set, and wrong types', () => {
    expect(
      problemsOf(`input { tcp { } file { path => "/x" mode => "tial" start_position => end } }
output { elasticsearch { manage_template => "yes" } }`).map((p) => p.message),
    ).toEqual([
      'the tcp input requires the option "port"',
      'option "mode" of the file input is "tial"; allowed: tail, read',
      'option "manage_template" of the elasticsearch output must be true or false, not yes',
    ]);
    expect(problemsOf('input { tcp { port => "fivethousand" } }').map((p) => p.message)).toEqual(['option "port" of the tcp input must be a number, not fivethousand']);
    expect(problemsOf('filter { mutate { rename => ["a", "b"] } }').map((p) => p.message)).toEqual(['option "rename" of the mutate filter must be a hash ({ "key" => value }), not a array']);
  });

  it('does not judge values that come from the environment', () => {
    expect(problemsOf('input { tcp { port => "${PORT}" } }')).toEqual([]);
  });
});
