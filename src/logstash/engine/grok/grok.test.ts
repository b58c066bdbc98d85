import { beforeAll, describe, expect, it } from 'vitest';
import { oniguruma } from '../../ruby-regex.js';
import { Grok } from './grok.js';
import { expandGrok } from './grok-expand.js';
import { corePatterns } from './pattern-files.js';
import { commonFilterOptions } from '../common-options.js';
import { configInit } from '../plugin-config.js';
import { grokFilter } from './grok-filter.js';
import { canonicalPlugin } from '../../../../tests/support/logstash/canonical-plugin.js';

type Onig = Awaited<ReturnType<typeof oniguruma>>;
let onig: Onig;
beforeAll(async () => {
  onig = await oniguruma();
});

const ecs = () => corePatterns('ecs-v1');
const compile = (pattern: string, defs: ReadonlyMap<string, string> = ecs(), namedOnly = true) => Grok.compile(onig, pattern, defs, namedOnly);
const captures = (grok: Grok, text: string) => grok.match(text)?.map((c) => [c.field, c.value]);

describe('grok expansion (jls-grok 0.11.5 grok-pure.rb:87-132)', () => {
  it('expands nested references, capturing only those with a semantic (named_captures_only)', () => {
    const grok = compile('%{SYSLOGPROG}: %{NUMBER}', new Map([...ecs(), ['NUMBER', '\\d+']]));
    expect(captures(grok, 'sshd[42]: 7')).toEqual([
      ['[process][name]', 'sshd'],
      ['[process][pid]', 42n],
    ]);
    expect(grok.expanded).toContain('(?<PROG:[process][name]>');
  });

  it('captures references without a semantic too when named_captures_only is false (grok-pure.rb:109-114)', () => {
    const grok = compile('%{INT}', new Map([['INT', '\\d+']]), false);
    expect(captures(grok, 'x 12')).toEqual([['INT', '12']]);
  });

  it('registers %{NAME=definition} inline and keeps plain (?<name>) groups as fields', () => {
    expect(captures(compile('%{ID:id=[a-f]+} (?<rest>.+)', new Map()), 'beef tail')).toEqual([
      ['id', 'beef'],
      ['rest', 'tail'],
    ]);
  });

  // 10 000 expansions of a growing text: seconds on a loaded machine, so an explicit, generous limit.
  it('fails on an unknown name, and on endless recursion after 10 000 replacements', { timeout: 120_000 }, () => {
    expect(() => compile('%{NOPE:x}', new Map())).toThrow(/^pattern %\{NOPE:x\} not defined: it is neither in pattern_definitions/);
    expect(() => compile('%{A}', new Map([['A', '%{A}']]))).toThrow(/^Deep recursion pattern compilation of "%\{A\}"/);
  });

  it('expands a \\%{...} too: the upstream "not prefixed with \\" comment is not implemented', () => {
    expect(expandGrok(onig, '\\%{WORD:w}', new Map([['WORD', '\\w+']]), true).expanded).toBe('\\(?<WORD:w>\\w+)');
  });
});

describe('grok matching: Regexp.new(expanded, Regexp::MULTILINE) (grok-pure.rb:127)', () => {
  it('lets GREEDYDATA run over the trailing newline of a syslog TCP line (audit 3.1)', () => {
    const grok = compile('%{SYSLOGLINE}');
    const fields = Object.fromEntries(captures(grok, 'Nov 26 08:00:00 db1 app: database connection refused\n')!);
    expect(fields.message).toBe('database connection refused\n');
  });

  it('keeps ^ and $ as line anchors: a pattern may match any line (audit 3.5)', () => {
    const grok = compile('^%{WORD:w}$', new Map([['WORD', '\\w+']]));
    expect(captures(grok, 'two words\nsecond\nthird')).toEqual([['w', 'second']]);
  });

  it('$ ends a line, not the message: the DB grok as the audit read it kept only the first line of multi-line SQL (audit 3.4)', () => {
    const defs = new Map([
      ['TT_SQL', '(?i:(?:select|insert|update|delete)\\b.*?)'],
      ['TT_NUMBER', '\\d+(?:\\.\\d+)?'],
    ]);
    const audited = compile('^(?:query|sql|Executing \\(\\w+\\)):?\\s+%{TT_SQL:[db][statement]}(?:\\s+\\(%{TT_NUMBER:[db][duration_ms]:float} ?ms\\))?\\s*$', defs);
    expect(audited.match('SQL: SELECT 1')).toBeNull();
    expect(captures(audited, 'query: SELECT a,\n  b FROM t (12 ms)')).toEqual([
      ['[db][statement]', 'SELECT a,'],
      ['[db][duration_ms]', null],
    ]);
  });

  it('the DB grok of logstash.conf takes SQL:/QUERY: in any case and the whole multi-line statement (the fix of audit 3.4)', () => {
    const options = configInit(canonicalPlugin('db_query'), { ...commonFilterOptions, ...grokFilter.options }, {});
    const defs = new Map([...ecs(), ...Object.entries(options.hash('pattern_definitions') as Record<string, string>)]);
    const grok = compile(options.hash('match').message as string, defs);
    expect(captures(grok, 'SQL: SELECT 1')).toEqual([
      ['[db][statement]', 'SELECT 1'],
      ['[db][duration_ms]', null],
    ]);
    expect(captures(grok, 'QUERY: SELECT 1 (3 ms)')).toEqual([
      ['[db][statement]', 'SELECT 1'],
      ['[db][duration_ms]', 3],
    ]);
    expect(captures(grok, 'query: SELECT a,\n  b FROM t (12 ms)')).toEqual([
      ['[db][statement]', 'SELECT a,\n  b FROM t'],
      ['[db][duration_ms]', 12],
    ]);
  });
});

describe('conversions (grok-pure.rb:136-157: String#to_i / #to_f)', () => {
  const defs = new Map([['ANY', '\\S+']]);
  it('converts :int and :float with Ruby semantics on odd input', () => {
    const grok = compile('%{ANY:a:int} %{ANY:b:float} %{ANY:c:int}', defs);
    expect(captures(grok, '12abc 1_000.5x abc')).toEqual([
      ['a', 12n],
      ['b', 1000.5],
      ['c', 0n],
    ]);
    expect(captures(grok, '-0x1A .5 99999999999999999999')).toEqual([
      ['a', 0n],
      ['b', 0.5],
      ['c', 99999999999999999999n],
    ]);
  });

  it('converts only the first group of a repeated name (coerce is reassigned in the upstream loop)', () => {
    expect(captures(compile('%{ANY:n:int} %{ANY:n:int}', defs), '1 2')).toEqual([
      ['n', 1n],
      ['n', '2'],
    ]);
  });

  it('reports a group that took no part as nil, without converting it', () => {
    expect(captures(compile('(?:%{NUM:n:int}|-)', new Map([['NUM', '\\d+']])), '-')).toEqual([['n', null]]);
  });
});

describe('the core patterns the engine models (syslog-input-patterns.ts)', () => {
  it('every one expands and compiles under Oniguruma', () => {
    const defs = corePatterns('ecs-v1');
    const failures = [...defs.keys()].flatMap((name) => {
      try {
        compile(`%{${name}}`, defs);
        return [];
      } catch (error) {
        return [`${name}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('a name outside them is refused as unmodelled, naming the ones the engine has', () => {
    expect(() => compile('%{COMMONAPACHELOG}', corePatterns('ecs-v1'))).toThrow(/%\{COMMONAPACHELOG\} not defined: .*SYSLOGLINE.* define it in pattern_definitions/);
  });
});
