import { describe, expect, it } from 'vitest';
import { EsFailure, type EsError } from '../es-failure.js';
import { DEFAULT_SETTINGS, type IndexSettings } from '../mapping/index-settings.js';
import { lookup, type RootMapping } from '../mapping/mapping-types.js';
import { parseRootMapping } from '../mapping/parse-mappings.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { parseDocument } from './parse-document.js';

const settings: IndexSettings = { ...DEFAULT_SETTINGS, ignoreMalformed: false };
const mappingOf = (properties: unknown, s = settings) => parseRootMapping({ date_detection: false, properties }, s, 'test');
const empty = mappingOf({});

function refused(text: string, root: RootMapping = empty, s = settings): EsError {
  try {
    parseDocument(text, root, s, '1');
  } catch (e) {
    if (e instanceof EsFailure) return e.error;
    throw e;
  }
  throw new Error(`expected ${text} to be refused`);
}
const typeAt = (root: RootMapping, path: string) => {
  const m = lookup(root, path);
  return m?.kind === 'field' ? m.type : m?.kind;
};

describe('objects and scalars (DocumentParser#parseObjectOrNested, FieldMapper#parse)', () => {
  const root = mappingOf({ url: { properties: { path: { type: 'keyword' } } }, message: { type: 'match_only_text' } });

  it('refuses a concrete value for an object, naming the field (or [null] inside an array, as Jackson reports no name there)', () => {
    expect(refused('{"url":"/x"}', root)).toEqual({ type: 'document_parsing_exception', reason: '[1:8] object mapping for [url] tried to parse field [url] as object, but found a concrete value' });
    expect(refused('{"url":["/x"]}', root).reason).toBe('[1:9] object mapping for [url] tried to parse field [null] as object, but found a concrete value');
  });

  it('accepts null, an empty array and an array of objects for an object', () => {
    for (const doc of ['{"url":null}', '{"url":[]}', '{"url":[{"path":"/a"},{"path":"/b"}]}', '{"url":[null]}']) expect(() => parseDocument(doc, root, settings, '1')).not.toThrow();
  });

  it('refuses an object for a concrete field with the FieldMapper message: location after the value, a HashMap preview, the cause', () => {
    expect(refused('{"message":{"b":1,"a":"x"}}', root)).toEqual({
      type: 'document_parsing_exception',
      reason: "[1:26] failed to parse field [message] of type [match_only_text] in document with id '1'. Preview of field's value: '{a=x, b=1}'",
      causedBy: { type: 'illegal_state_exception', reason: "Can't get text on a START_OBJECT at 1:12" },
    });
  });
});

describe('dynamic mapping (dynamic: true, date_detection: false, numeric_detection: false)', () => {
  it('maps a string as text + keyword(ignore_above 256), an integer token as long, a float token as float, booleans, objects', () => {
    const { mapping } = parseDocument('{"s":"x","i":1,"f":1.0,"e":1e3,"b":true,"o":{"p":"q"},"n":"42"}', empty, settings, '1');
    expect(['s', 's.keyword', 'i', 'f', 'e', 'b', 'o', 'o.p', 'n'].map((p) => typeAt(mapping, p))).toEqual(['text', 'keyword', 'long', 'float', 'float', 'boolean', 'object', 'text', 'text']);
    expect(lookup(mapping, 's.keyword')).toMatchObject({ params: { ignoreAbove: 256 } });
  });

  it('maps a BIG_INTEGER token as long, whose value then fails or, with ignore_malformed, is ignored', () => {
    expect(refused('{"big":12345678901234567890}').causedBy?.reason).toMatch(/^\[1:8\] Numeric value \(12345678901234567890\) out of range of long/);
    const r = parseDocument('{"big":12345678901234567890}', empty, { ...settings, ignoreMalformed: true }, '1');
    expect([typeAt(r.mapping, 'big'), r.ignored]).toEqual(['long', ['big']]);
  });

  it('puts a dynamic string over 256 chars in _ignored for its keyword sub-field only', () => {
    expect(parseDocument(`{"s":"${'x'.repeat(257)}"}`, empty, settings, '1').ignored).toEqual(['s.keyword']);
  });

  it('creates no mapping for null or an empty array', () => {
    const { mapping } = parseDocument('{"a":null,"b":[],"c":[null]}', empty, settings, '1');
    expect(mapping.children.size).toBe(0);
  });

  it('keeps the first type: a later document with another type is parsed against it', () => {
    const first = parseDocument('{"a":1}', empty, settings, '1').mapping;
    expect(refused('{"a":"x"}', first).reason).toBe("[1:6] failed to parse field [a] of type [long] in document with id '1'. Preview of field's value: 'x'");
    // ignore_malformed is a field parameter, fixed from the index setting when the field is created
    const lenient = { ...settings, ignoreMalformed: true };
    const second = parseDocument('{"a":1}', empty, lenient, '1').mapping;
    expect(parseDocument('{"a":"x"}', second, lenient, '2').ignored).toEqual(['a']);
  });

  it('refuses mixed types in one array when the update is merged (ObjectMapper.Builder#buildMappers → FieldMapper#merge)', () => {
    expect(refused('{"a":[1,"x"]}')).toEqual({ type: 'illegal_argument_exception', reason: 'mapper [a] cannot be changed from type [long] to [text]' });
    expect(refused('{"a":[1,1.5]}').reason).toBe('mapper [a] cannot be changed from type [long] to [float]');
    expect(refused('{"a":["x",{"b":1}]}').reason).toBe('mapper [a] cannot be changed from type [text] to [ObjectMapper]');
    expect(refused('{"a":[{"b":1},"x"]}').reason).toBe("can't merge a non object mapping [a] with an object mapping");
    expect(parseDocument('{"a":["x","y"],"b":[1,2]}', empty, settings, '1').mapping.children.size).toBe(2);
  });
});

describe('dotted field names (DotExpandingXContentParser)', () => {
  it('expands "a.b" into objects and merges it with the object notation', () => {
    const { mapping } = parseDocument('{"a.b":1,"a":{"c":"x"},"d.":true}', empty, settings, '1');
    expect([typeAt(mapping, 'a'), typeAt(mapping, 'a.b'), typeAt(mapping, 'a.c'), typeAt(mapping, 'd')]).toEqual(['object', 'long', 'text', 'boolean']);
  });

  it('refuses empty segments and names of dots or blanks with the 8.x messages', () => {
    expect(refused('{"":1}')).toMatchObject({ reason: '[1:2] failed to parse: field name cannot be an empty string', causedBy: { type: 'illegal_argument_exception' } });
    expect(refused('{"..":1}').reason).toBe('[1:2] failed to parse: field name cannot contain only dots');
    expect(refused('{"a..b":1}').reason).toBe("[1:2] failed to parse: field name cannot contain only whitespace: ['a..b']");
    expect(refused('{"a. .b":1}').reason).toBe('[1:2] failed to parse: field name starting or ending with a [.] makes object resolution ambiguous: [a. .b]');
    expect(refused('{"o":{" ":1}}')).toEqual({ type: 'document_parsing_exception', reason: '[1:7] Field name cannot contain only whitespace: [o. ]' });
  });

  it('refuses a dotted name that runs into a concrete field', () => {
    const root = mappingOf({ message: { type: 'match_only_text' } });
    expect(refused('{"message.x":"y"}', root)).toMatchObject({ type: 'document_parsing_exception', causedBy: { type: 'illegal_state_exception' }, approximate: true });
  });
});

describe('metadata fields in the body (MetadataFieldMapper)', () => {
  it('refuses them at the root, even as null, and accepts them below it', () => {
    expect(refused('{"_id":"x"}')).toEqual({
      type: 'document_parsing_exception',
      reason: "[1:8] failed to parse field [_id] of type [_id] in document with id '1'. Preview of field's value: 'x'",
      causedBy: { type: 'document_parsing_exception', reason: '[1:8] Field [_id] is a metadata field and cannot be added inside a document. Use the index API request parameters.' },
    });
    expect(refused('{"_source":null}').reason).toMatch(/^\[1:12\] failed to parse field \[_source\]/);
    expect(() => parseDocument('{"a":{"_id":"x"},"_type":"t"}', empty, settings, '1')).not.toThrow();
  });
});

describe('limits', () => {
  it('checks the total fields limit as each dynamic mapper is added, counting multi-fields (DocumentParserContext#addDynamicMapper)', () => {
    const s = { ...settings, totalFieldsLimit: 3 };
    expect(() => parseDocument('{"a":"x","b":1}', empty, s, '1')).not.toThrow(); // a, a.keyword, b
    expect(refused('{"a":"x","b":"y"}', empty, s)).toEqual({
      type: 'document_parsing_exception',
      reason: '[1:14] failed to parse: Limit of total fields [3] has been exceeded while adding new fields [4]',
      causedBy: { type: 'illegal_argument_exception', reason: 'Limit of total fields [3] has been exceeded while adding new fields [4]' },
    });
  });

  it('with ignore_dynamic_beyond_limit drops the new fields into _ignored instead', () => {
    const s = { ...settings, totalFieldsLimit: 2, ignoreDynamicBeyondLimit: true };
    const r = parseDocument('{"a":"x","b":"y","c":1}', empty, s, '1');
    expect([...r.mapping.children.keys()]).toEqual(['a']);
    expect(r.ignored).toEqual(['b', 'c']);
  });

  it('checks the object depth when an object is added: a path with N dots has depth N + 2 (MappingLookup#checkObjectDepthLimit)', () => {
    const s = { ...settings, depthLimit: 3 };
    expect(() => parseDocument('{"a":{"b":{"c":1}}}', empty, s, '1')).not.toThrow();
    expect(refused('{"a":{"b":{"c":{"d":1}}}}', empty, s).reason).toBe('[1:16] failed to parse: Limit of mapping depth [3] has been exceeded due to object field [a.b.c]');
  });

  it('counts nested documents against index.mapping.nested_objects.limit', () => {
    const root = mappingOf({ n: { type: 'nested', properties: { v: { type: 'long' } } } });
    const s = { ...settings, nestedObjectsLimit: 2 };
    expect(() => parseDocument('{"n":[{"v":1},{"v":2}]}', root, s, '1')).not.toThrow();
    expect(refused('{"n":[{"v":1},{"v":2},{"v":3}]}', root, s).reason).toBe(
      '[1:23] The number of nested documents has exceeded the allowed limit of [2]. This limit can be set by changing the [index.mapping.nested_objects.limit] index level setting.',
    );
  });
});

describe('malformed JSON and unmodelled shapes', () => {
  it('refuses what Jackson refuses, and a second root value (DocumentParser#validateEnd)', () => {
    expect(refused('{"a":1,"a":2}')).toMatchObject({ type: 'document_parsing_exception', approximate: true });
    expect(refused('[1]')).toEqual({ type: 'document_parsing_exception', reason: 'Malformed content, must start with an object' });
    expect(refused('{} {}')).toEqual({ type: 'illegal_argument_exception', reason: 'Malformed content, found extra data after parsing: START_OBJECT' });
    expect(refused('')).toEqual({ type: 'document_parsing_exception', reason: '[0:0] failed to parse, document is empty' });
  });

  it('throws on an unmapped array of 128+ floats (dynamic dense_vector since 8.11)', () => {
    expect(() => parseDocument(`{"v":[${Array(128).fill('0.5').join(',')}]}`, empty, settings, '1')).toThrow(UnmodelledError);
    expect(() => parseDocument(`{"v":[${Array(127).fill('0.5').join(',')}]}`, empty, settings, '1')).not.toThrow();
  });
});
