import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { conditionPitfalls, environmentPitfalls } from './syntax-check.js';

describe('logstash/syntax: pitfalls the grammar allows', () => {
  it('warns that a one-item bracket list in a condition is a field reference', () => {
    const problems = conditionPitfalls(parseConfig('p.conf', 'filter {\n  if "error" in ["error"] { drop { } }\n  if [a] in ["x", "y"] { drop { } }\n}'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['2:17 ["error"] in a condition is a field reference named "error", not a list']);
  });

  it('warns about an environment variable without a default, in plain and nested values', () => {
    const problems = environmentPitfalls(parseConfig('p.conf', 'output {\n  elasticsearch { hosts => "${ES}" user => "${ES_USER:elastic}" custom_headers => { "X" => "${TOKEN}" } }\n}'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      '2:28 warning ${ES} has no default: Logstash will not start where ES is unset',
      '2:92 warning ${TOKEN} has no default: Logstash will not start where TOKEN is unset',
    ]);
  });

  it('says nothing of a variable every deploy file passes: that one is required on purpose', () => {
    const problems = environmentPitfalls(parseConfig('p.conf', 'output {\n  elasticsearch { password => "${ES_PASSWORD}" hosts => "${ES}" }\n}'), new Set(['ES_PASSWORD']));
    expect(problems.map((p) => p.message)).toEqual(['${ES} has no default: Logstash will not start where ES is unset']);
  });
});
