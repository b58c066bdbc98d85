import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { redactionProblems } from './redaction-check.js';

const redact = 'ruby { id => "redact_secrets" path => "/usr/share/logstash/scripts/redact.rb" }';
const problemsOf = (...texts: string[]) => redactionProblems(texts.map((t, i) => parseConfig(`p${i}.conf`, t))).map((p) => `${p.file}:${p.line} ${p.message}`);

describe('logstash/redaction-before-output', () => {
  it('passes when the redaction is the last filter on every path', () => {
    expect(problemsOf(`filter { if [a] { mutate { } } else { grok { } } ${redact} } output { elasticsearch { } stdout { } }`)).toEqual([]);
  });

  it('passes when every clause of an if/else ends with a redaction', () => {
    expect(problemsOf(`filter { if [a] { ${redact} } else { ${redact} } } output { elasticsearch { } }`)).toEqual([]);
  });

  it('fails at every output when there is no redaction filter', () => {
    expect(problemsOf('filter { mutate { } }\noutput {\n  elasticsearch { }\n  if [x] { stdout { } }\n}')).toEqual([
      'p0.conf:3 events can reach the elasticsearch output without redaction: the pipeline has no redaction filter',
      'p0.conf:4 events can reach the stdout output without redaction: the pipeline has no redaction filter',
    ]);
  });

  it('fails when the redaction runs only inside an if without else', () => {
    expect(problemsOf(`filter {\n  if [a] {\n    ${redact}\n  }\n}\noutput {\n  elasticsearch { }\n}`)).toEqual([
      'p0.conf:7 events can reach the elasticsearch output without redaction: the redaction at p0.conf:3 runs only on some paths',
    ]);
  });

  it('fails at a filter that runs after the redaction, even in a branch, and across files', () => {
    expect(
      problemsOf(`filter { ${redact}\n  if [a] { mutate { add_field => { "x" => "%{[event][original]}" } } }\n}`, 'filter {\n  json { source => "message" }\n}\noutput { elasticsearch { } }'),
    ).toEqual(['p0.conf:2 the mutate filter runs after the redaction filter on some path', 'p1.conf:2 the json filter runs after the redaction filter on some path']);
  });
});
