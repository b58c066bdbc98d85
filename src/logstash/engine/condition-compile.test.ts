import { beforeAll, describe, expect, it } from 'vitest';
import type { BranchNode } from '../parser/ast.js';
import { parseConfig } from '../parser/parse-config.js';
import { oniguruma } from '../ruby-regex.js';
import { compileCondition } from './condition-compile.js';
import { PipelineLoadError, WorkerCrash } from './engine-errors.js';
import { Event } from './event.js';
import { LsTimestamp, newMap, type LsValue } from './value.js';

let onig: Awaited<ReturnType<typeof oniguruma>>;
beforeAll(async () => {
  onig = await oniguruma();
});

function holds(condition: string, fields: [string, LsValue][]): boolean {
  const text = `filter {\n  if ${condition} { }\n}\n`;
  const config = parseConfig('test.conf', text);
  const branch = config.sections[0]!.body[0] as BranchNode;
  const compiled = compileCondition(branch.clauses[0]!.condition!, 'test.conf', text, onig);
  const event = Event.fromMap(newMap(fields), { now: () => LsTimestamp.ofEpochMilli(0), log: () => {} });
  return compiled(event);
}

// logstash-core v8.17.4 EventCondition.java and compiler/lscl.rb.
describe('truthiness (valueIsTruthy)', () => {
  it('absent, nil, "", false and the STRING "false" are false; 0, [] and {} are true', () => {
    expect(holds('[a]', [])).toBe(false);
    expect(holds('[a]', [['a', null]])).toBe(false);
    expect(holds('[a]', [['a', '']])).toBe(false);
    expect(holds('[a]', [['a', false]])).toBe(false);
    expect(holds('[a]', [['a', 'false']])).toBe(false);
    expect(holds('[a]', [['a', 0n]])).toBe(true);
    expect(holds('[a]', [['a', []]])).toBe(true);
    expect(holds('![a]', [['a', 'x']])).toBe(false);
  });
});

describe('== and != compare with Java equals', () => {
  it('same class and value only: 50 is not 50.0 nor "50"', () => {
    expect(holds('[l] == 50', [['l', 50n]])).toBe(true);
    expect(holds('[l] == 50', [['l', 50]])).toBe(false);
    expect(holds('[l] == 50', [['l', '50']])).toBe(false);
    expect(holds('[l] == 50.0', [['l', 50]])).toBe(true);
    expect(holds('[l] != "true"', [])).toBe(true);
    expect(holds('[a] == [b]', [])).toBe(true);
  });
});

describe('=~ and !~', () => {
  it('only strings match; ^ and $ are line anchors', () => {
    expect(holds('[m] =~ /^\\s*\\{/', [['m', 'text\n{"a":1}']])).toBe(true);
    expect(holds('[n] =~ /5/', [['n', 500n]])).toBe(false);
    expect(holds('[n] !~ /5/', [['n', 500n]])).toBe(true);
    expect(holds('[ip] =~ /^(\\d{1,3}\\.){3}\\d{1,3}$/', [['ip', '8.8.8.8\nx']])).toBe(true);
  });
});

describe('in and not in', () => {
  it('a constant in a list field is an exact element; in a string field a substring', () => {
    expect(holds('"error" in [tags]', [['tags', ['error', 'http']]])).toBe(true);
    expect(holds('"err" in [tags]', [['tags', ['error']]])).toBe(false);
    expect(holds('"err" in [tags]', [['tags', 'error']])).toBe(true);
    expect(holds('"private_ip" not in [tags]', [])).toBe(true);
  });
  it('a field in a constant list compares toString; in a constant string is a substring', () => {
    expect(holds('[n] in [1, 2]', [['n', 2n]])).toBe(true);
    expect(holds('[s] in "abcdef"', [['s', 'cd']])).toBe(true);
    expect(holds('[s] in ["a", "b"]', [])).toBe(false);
  });
});

describe('ordering comparisons', () => {
  it('compare strings by bytes and numbers by value', () => {
    expect(holds('[a] < "b"', [['a', 'a']])).toBe(true);
    expect(holds('[n] >= 5', [['n', 5.5]])).toBe(true);
    expect(holds('5 < [n]', [['n', 7n]])).toBe(true);
  });
  it('throw (the worker dies) on an absent field or mixed types', () => {
    expect(() => holds('[n] > 5', [])).toThrow(WorkerCrash);
    expect(() => holds('[n] > 5', [['n', 'x']])).toThrow(/test\.conf:2:6: Logstash's worker would die here: comparison of String with Integer failed/);
  });
});

describe('and/or as lscl.rb joins them', () => {
  it('and binds tighter than or', () => {
    expect(holds('[a] or [b] and [c]', [['a', 'x']])).toBe(true);
    expect(holds('[a] and [b] or [c]', [['c', 'x']])).toBe(true);
  });
  it('pops only one operator per step: a or b and c and d or e is a or (b and ((c and d) or e))', () => {
    // With e alone true, proper precedence gives true; Logstash gives false.
    expect(holds('[a] or [b] and [c] and [d] or [e]', [['e', 'x']])).toBe(false);
    expect(
      holds('[a] or [b] and [c] and [d] or [e]', [
        ['b', 'x'],
        ['e', 'x'],
      ]),
    ).toBe(true);
  });
  it('rejects xor and nand at load', () => {
    expect(() => holds('[a] xor [b]', [])).toThrow(PipelineLoadError);
    expect(() => holds('[a] and [b] nand [c]', [])).toThrow(/Unexpected operator/);
  });
  it('the routing condition of the pipeline', () => {
    const cond =
      '[@metadata][level] =~ /^(error|err|fatal|critical|crit|alert|emerg|emergency|panic|severe|50|60)$/ or ([@metadata][syslog_severity] =~ /^[0-3]$/ and "_grokparsefailure_sysloginput" not in [tags]) or [@metadata][http_status] =~ /^5\\d\\d$/ or ("stacktrace" in [tags] and ![log][level])';
    expect(holds(cond, [['@metadata', newMap([['level', 'error']])]])).toBe(true);
    expect(
      holds(cond, [
        [
          '@metadata',
          newMap([
            ['level', '%{[log][level]}'],
            ['syslog_severity', '0'],
            ['http_status', '%{[http][response][status_code]}'],
          ]),
        ],
        ['tags', ['_grokparsefailure_sysloginput']],
      ]),
    ).toBe(false);
    expect(holds(cond, [['tags', ['stacktrace']]])).toBe(true);
  });
});
