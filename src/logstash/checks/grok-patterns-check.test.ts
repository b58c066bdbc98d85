import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { patternProblems } from './grok-patterns-check.js';

const problemsOf = async (text: string) => (await patternProblems([parseConfig('p.conf', text)])).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('logstash/grok-patterns', () => {
  it('compiles grok patterns from their definitions, with Oniguruma-only syntax (atomic groups, possessive, named groups)', async () => {
    expect(
      await problemsOf(`filter {
  grok {
    match => { "message" => ["^%{TS:[@metadata][ts]} %{WORDS:msg}$", "(?>a+)b++(?<x>y)"] }
    pattern_definitions => { "TS" => "\\d{4}-\\d{2}" "WORDS" => "(?m:.*)" }
  }
  if [message] =~ /^(?i:get) \\/api/ { mutate { gsub => ["message", "\\s+", " "] } }
}`),
    ).toEqual([]);
  });

  it('names a pattern the filter does not define', async () => {
    expect(await problemsOf('filter {\n  grok { match => { "message" => "%{IPORHOST:ip}" } }\n}')).toEqual(['2:34 the grok pattern for message uses %{IPORHOST}, which this filter does not define']);
  });

  it('gives the compile error of a broken definition, at the pattern using it', async () => {
    expect(await problemsOf('filter { grok { match => ["message", "%{BAD}"] pattern_definitions => { "BAD" => "(unclosed" } } }')).toEqual([
      '1:38 the grok pattern for message does not compile: end pattern with unmatched parenthesis',
    ]);
  });

  it('compiles the multiline pattern, gsub patterns and the regexps of conditions', async () => {
    const problems = await problemsOf(`input { file { path => "/x" codec => multiline { pattern => "^[z-a]" what => "previous" } } }
filter {
  mutate { gsub => ["message", "a{2", "b", "other", "(x", "y"] }
  if [a] =~ /(/ { drop { } }
  if [a] !~ "[b" { drop { } }
}`);
    expect(problems).toEqual([
      '1:61 the multiline pattern does not compile: empty range in char class',
      '3:53 the gsub pattern for other does not compile: end pattern with unmatched parenthesis',
      '4:13 the regexp in `[a] =~ /(/` does not compile: end pattern with unmatched parenthesis',
      '5:13 the regexp in `[a] !~ "[b"` does not compile: premature end of char-class',
    ]);
  });
});
