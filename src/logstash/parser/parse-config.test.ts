import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../sources/config-error.js';
import type { PluginNode } from './ast.js';
import { parseConfig } from './parse-config.js';

function syntaxError(text: string): ConfigError {
  try {
    parseConfig('bad.conf', text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no syntax error in: ${text}`);
}

describe('parseConfig: what it accepts', () => {
  it('reads sections, plugins and every kind of value, with positions', () => {
    const config = parseConfig(
      't.conf',
      `# a comment
input {
  tcp { port => 5000 codec => json_lines { target => "[doc]" } }
}
filter {
  mutate {
    add_field => { "[@metadata][x]" => "%{[a][b]}" 'single' => 'q\\'s' 42 => -1.5 bare_key => bare_value }
    remove_field => ["a", 'b', 3, [nested], {}]
    "quoted-name" => true
  }
}
output { stdout {} }`,
    );
    expect(config.sections.map((s) => s.kind)).toEqual(['input', 'filter', 'output']);
    const tcp = config.sections[0]!.body[0] as PluginNode;
    expect(tcp).toMatchObject({ name: 'tcp', pos: { line: 3, column: 3 } });
    expect(tcp.attributes[1]!.value).toMatchObject({ kind: 'plugin', plugin: { name: 'json_lines', attributes: [{ name: 'target', value: { kind: 'string', value: '[doc]' } }] } });
    const mutate = config.sections[1]!.body[0] as PluginNode;
    const hash = mutate.attributes[0]!.value;
    expect(hash.kind === 'hash' && hash.entries.map((e) => [e.key.value, e.value.kind])).toEqual([
      ['[@metadata][x]', 'string'],
      ['single', 'string'],
      [42, 'number'],
      ['bare_key', 'bareword'],
    ]);
    expect(hash.kind === 'hash' && hash.entries[1]!.value).toMatchObject({ value: "q\\'s", quote: "'" });
    const array = mutate.attributes[1]!.value;
    expect(array.kind === 'array' && array.items.map((i) => i.kind)).toEqual(['string', 'string', 'number', 'array', 'hash']);
    expect(mutate.attributes[2]).toMatchObject({ name: 'quoted-name', value: { kind: 'bareword', value: 'true' } });
  });

  it('reads if / else if / else with every operator, groups, negation and field references', () => {
    const config = parseConfig(
      't.conf',
      `filter {
  if [a][b] == "x" and [n] >= 5 or [n] < -1 xor [m] != 2 nand [k] <= 3.5 { drop {} }
  else if [msg] =~ /^GET \\/api/ and [msg] !~ "x" { drop {} }
  else if "t" in [tags] and "u" not in [tags] and [x] in ["a", "b"] { drop {} }
  else if !([a] > 1) and ![b] and ([c] or [d]) and [e] and env("X") == "1" { drop {} }
  else { if [nested] { drop {} } }
}`,
    );
    const branch = config.sections[0]!.body[0]!;
    expect(branch.type).toBe('branch');
    if (branch.type !== 'branch') return;
    expect(branch.clauses.map((c) => c.kind)).toEqual(['if', 'else if', 'else if', 'else if', 'else']);
    const [first, second, third, fourth] = branch.clauses.map((c) => c.condition!);
    expect(first!.operators).toEqual(['and', 'or', 'xor', 'nand']);
    expect(first!.operands.map((o) => o.kind === 'compare' && o.operator)).toEqual(['==', '>=', '<', '!=', '<=']);
    expect(first!.operands[0]).toMatchObject({ left: { kind: 'field', path: ['a', 'b'] } });
    expect(second!.operands).toMatchObject([
      { kind: 'match', negated: false, pattern: { kind: 'regexp', source: '^GET \\/api' } },
      { kind: 'match', negated: true },
    ]);
    expect(third!.operands).toMatchObject([
      { kind: 'in', negated: false },
      { kind: 'in', negated: true },
      { kind: 'in', right: { kind: 'list' } },
    ]);
    expect(fourth!.operands.map((o) => o.kind)).toEqual(['not', 'not', 'group', 'truthy', 'compare']);
    expect(fourth!.operands[4]).toMatchObject({ left: { kind: 'call', method: 'env', args: [{ kind: 'string', value: 'X' }] } });
    expect(first!.text).toBe('[a][b] == "x" and [n] >= 5 or [n] < -1 xor [m] != 2 nand [k] <= 3.5');
  });

  it('reads a one-item bracket list in a condition as a field reference, as Logstash does', () => {
    const config = parseConfig('t.conf', 'filter { if "x" in ["error"] { drop {} } }');
    const branch = config.sections[0]!.body[0]!;
    expect(branch.type === 'branch' && branch.clauses[0]!.condition!.operands[0]).toMatchObject({ right: { kind: 'field', path: ['"error"'] } });
  });

  it('accepts an empty file, comments only, and a comment on the last line without a newline', () => {
    expect(parseConfig('t.conf', '').sections).toEqual([]);
    expect(parseConfig('t.conf', '# nothing\n  # here').sections).toEqual([]);
    expect(parseConfig('t.conf', 'input { } # end').sections).toHaveLength(1);
  });
});

describe('parseConfig: malformed configs and their messages', () => {
  it.each([
    ['filte { }', 1, 1, 'syntax error: expected one of `input`, `filter`, `output` at the top level, found `filte`'],
    ['input { tcp { port => 5000 }', 1, 29, 'syntax error: expected `}` to close the input section opened at line 1, found the end of the file'],
    ['filter {\n  grok { match => { "a" => "b" } x }\n}', 2, 36, 'syntax error: expected `=>` after the option "x" of "grok", found `}`'],
    [
      'output { elasticsearch { hosts => [1,] } }',
      1,
      38,
      'syntax error: expected a value ("string", number, bareword, [array] or { hash }) in the array for the option "hosts" of "elasticsearch", found `]`',
    ],
    ['filter { mutate { a => "unclosed } }', 1, 24, 'syntax error: expected a closing " in a string that starts here, found `"unclosed`'],
    ['filter { else { } }', 1, 10, 'syntax error: expected one of a plugin, `if`, `}` in the filter section opened at line 1 (an `else` must follow the `}` of an `if`), found `else`'],
    ['filter {\n  if [a] == { drop {} }\n}', 2, 13, 'syntax error: expected one of a field reference like [field], a "string", a number, a /regexp/, a [list], `(`, `!` in a condition, found `{`'],
    ['filter { if [a] =~ [b] { } }', 1, 20, 'syntax error: expected one of a /regexp/, a "string" after `=~`, found `[b]`'],
    ['filter { if ([a] { } }', 1, 18, 'syntax error: expected `)` to close the `(` at line 1:13, found `{`'],
    ['filter { if [a] and { } }', 1, 21, 'syntax error: expected one of a field reference like [field], a "string", a number, a /regexp/, a [list], `(`, `!` in a condition, found `{`'],
    ['filter { if [a] =~ /x { } }', 1, 20, 'syntax error: expected a closing `/` in a regular expression that starts here, found `/x`'],
    ['filter { if foo { } }', 1, 17, 'syntax error: expected `(` after "foo" (a bare name in a condition is a method call; a field is written [foo]), found `{`'],
    [
      'filter { mutate { add_field => { "a" => "b", "c" => "d" } } }',
      1,
      44,
      'syntax error: expected one of a hash key ("string", number or bareword), `}` in the hash for the option "add_field" of "mutate", found `,`',
    ],
    ['filter { mutate { a => "x"b => "y" } }', 1, 27, 'syntax error: expected one of a space or a line break, `}` after the value of "a", found `b`'],
    ['input { tcp port => 1 }', 1, 13, 'syntax error: expected `{` after the plugin name "tcp", found `port`'],
  ])('%j → line %i col %i', (text, line, column, message) => {
    const error = syntaxError(text);
    expect({ file: error.file, line: error.line, column: error.column, reason: error.reason }).toEqual({ file: 'bad.conf', line, column, reason: message });
    expect(error.hint).toBeTruthy();
  });
});
