import { describe, expect, it } from 'vitest';
import type { PluginNode } from '../parser/ast.js';
import { parseConfig } from '../parser/parse-config.js';
import { PipelineLoadError } from './engine-errors.js';
import { UnmodelledError } from './filter-api.js';
import { configInit } from './plugin-config.js';
import type { OptionSpecs } from './plugin-options.js';
import { substituteVariables } from './substitution.js';

const specs: OptionSpecs = {
  s: { validate: 'string' },
  n: { validate: 'number', default: 3n },
  b: { validate: 'boolean', default: false },
  a: { validate: 'array', default: [] },
  h: { validate: 'hash' },
  e: { validate: ['x', 'y'] },
  size: { validate: 'bytes' },
  later: { unmodelled: 'not yet' },
  gone: { obsolete: 'use s' },
  req: { validate: 'string', required: true },
};
function init(body: string, variables: Record<string, string> = {}) {
  const text = `filter {\n  p { ${body} }\n}\n`;
  const node = parseConfig('t.conf', text).sections[0]!.body[0] as PluginNode;
  return configInit({ file: 't.conf', text, node, kind: 'filter' }, specs, variables);
}

// logstash-core v8.17.4 config/mixin.rb, compiler/lscl.rb, util/substitution_variables.rb.
describe('configInit', () => {
  it('applies defaults and validators as mixin.rb does', () => {
    const o = init('req => "r" b => "true" a => "one" h => ["k", "v", "k", "w"] n => "5" size => "10 KiB"');
    expect([o.get('b'), o.get('a'), o.get('n'), o.get('size')]).toEqual([true, ['one'], 5n, 10240n]);
    expect(o.hash('h')).toEqual(Object.assign(Object.create(null), { k: ['v', 'w'] }));
    expect(init('req => "r"').get('n')).toBe(3n);
  });
  it('keeps 5 and 5.0 apart, and merges repeated hash options (lscl.rb:117-140)', () => {
    const o = init('req => "r" h => { "a" => 1 } h => { "b" => 2.0 }');
    expect(o.hash('h')).toEqual(Object.assign(Object.create(null), { a: 1n, b: 2 }));
  });
  it('names the line of an unknown, obsolete, unmodelled, invalid or missing option', () => {
    expect(() => init('req => "r" nope => 1')).toThrow(/^t\.conf:2:18: Unknown setting 'nope' for p/);
    expect(() => init('req => "r" gone => 1')).toThrow(PipelineLoadError);
    expect(() => init('req => "r" later => 1')).toThrow(UnmodelledError);
    expect(() => init('req => "r" e => "z"')).toThrow(/Expected one of \["x","y"\]/);
    expect(() => init('s => "x"')).toThrow(/^t\.conf:2:3: Missing a required setting for the p filter plugin/);
  });
  it('rejects duplicate keys in a hash', () => {
    expect(() => init('req => "r" h => { "a" => 1 "a" => 2 }')).toThrow(/Duplicate keys found in your configuration/);
  });
});

describe('${VAR:default} substitution', () => {
  it('uses the variable, else the default, else fails with Logstash message', () => {
    expect(substituteVariables('${A:dflt}-x', false, {})).toBe('dflt-x');
    expect(substituteVariables('${A:dflt}', true, { A: 'set' })).toBe('set');
    expect(() => substituteVariables('${B}', true, {})).toThrow('Cannot evaluate `${B}`. Replacement variable `B` is not defined');
  });
  it('refines top-level values: quotes stripped, "[a, b]" becomes a list', () => {
    expect(substituteVariables('${H}', true, { H: '"http://es:9200"' })).toBe('http://es:9200');
    expect(substituteVariables('${H}', true, { H: '[a, "b"]' })).toEqual(['a', 'b']);
    expect(substituteVariables('${H}', false, { H: '[a]' })).toBe('[a]');
  });
});
