import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../unmodelled-error.js';
import { DEFAULT_SETTINGS, parseIndexSettings } from './index-settings.js';
import { lookup, rootFieldsCount } from './mapping-types.js';
import { parseRootMapping } from './parse-mappings.js';

const template = JSON.parse(readFileSync(new URL('../../../monitoring/elasticsearch/index-template.json', import.meta.url), 'utf8')) as {
  template: { settings: unknown; mappings: unknown };
};

describe('parseIndexSettings', () => {
  it("reads the pipeline template's settings and keeps the 8.17 defaults for the rest (MapperService, FieldMapper settings)", () => {
    expect(parseIndexSettings(template.template.settings, 't')).toEqual({ ...DEFAULT_SETTINGS, ignoreMalformed: true, totalFieldsLimit: 2000, ignoreDynamicBeyondLimit: true });
    expect(DEFAULT_SETTINGS).toMatchObject({ totalFieldsLimit: 1000, depthLimit: 20, nestedFieldsLimit: 50, nestedObjectsLimit: 10000, ignoreDynamicBeyondLimit: false, coerce: true });
  });

  it('accepts nested and prefix-less keys (Settings#normalizePrefix) and refuses unmodelled ones', () => {
    expect(parseIndexSettings({ mapping: { depth: { limit: 5 } } }, 't').depthLimit).toBe(5);
    expect(() => parseIndexSettings({ 'index.analysis.analyzer.x.type': 'standard' }, 't')).toThrow(UnmodelledError);
  });
});

describe('parseRootMapping', () => {
  const settings = parseIndexSettings(template.template.settings, 't');
  const root = parseRootMapping(template.template.mappings, settings, 't');

  it('builds the object tree with types and parameters from the template', () => {
    expect(lookup(root, 'log.syslog.facility.code')).toMatchObject({ kind: 'field', type: 'long', params: { ignoreMalformed: true } });
    expect(lookup(root, 'event.original')).toMatchObject({ type: 'keyword', params: { index: false, docValues: false } });
    expect(lookup(root, 'db.statement.keyword')).toMatchObject({ type: 'keyword', params: { ignoreAbove: 1024 } });
    expect(lookup(root, 'url')).toMatchObject({ kind: 'object' });
    expect(root).toMatchObject({ dateDetection: false, numericDetection: false, dynamic: 'true' });
  });

  it('counts fields as Mapper#getTotalFieldsCount does: objects and multi-fields count, the root does not', () => {
    const small = parseRootMapping({ date_detection: false, properties: { a: { properties: { b: { type: 'text', fields: { k: { type: 'keyword' } } } } } } }, settings, 't');
    expect(rootFieldsCount(small)).toBe(3); // a, a.b, a.b.k
    expect(rootFieldsCount(root)).toBeLessThan(2000);
  });

  it('expands dotted property names into objects (ObjectMapper.TypeParser#parseProperties)', () => {
    const m = parseRootMapping({ date_detection: false, properties: { 'a.b': { type: 'keyword' } } }, settings, 't');
    expect(lookup(m, 'a')).toMatchObject({ kind: 'object' });
    expect(lookup(m, 'a.b')).toMatchObject({ kind: 'field', type: 'keyword' });
  });

  it('throws, naming it, for any type or parameter it does not model', () => {
    const parse = (properties: unknown) => () => parseRootMapping({ date_detection: false, properties }, settings, 'tpl.json');
    expect(parse({ a: { type: 'keyword', normalizer: 'lower' } })).toThrow(/mapping parameter \[normalizer\] of type \[keyword\].*tpl\.json a/);
    expect(parse({ a: { type: 'integer' } })).toThrow(/mapping type \[integer\]/);
    expect(parse({ a: { type: 'date', format: 'epoch_second' } })).toThrow(/date format \[epoch_second\]/);
    expect(() => parseRootMapping({ properties: {} }, settings, 't')).toThrow(/date_detection: true/);
    expect(() => parseRootMapping({ date_detection: false, dynamic: 'strict' }, settings, 't')).toThrow(/dynamic: "strict"/);
  });
});
