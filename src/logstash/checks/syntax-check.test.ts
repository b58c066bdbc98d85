import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { conditionPitfalls } from './syntax-check.js';

describe('logstash/syntax: pitfalls the grammar allows', () => {
  it('warns that a one-item bracket list in a condition is a field reference', () => {
    const problems = conditionPitfalls(parseConfig('p.conf', 'filter {\n  if "error" in ["error"] { drop { } }\n  if [a] in ["x", "y"] { drop { } }\n}'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(['2:17 ["error"] in a condition is a field reference named "error", not a list']);
  });
});
