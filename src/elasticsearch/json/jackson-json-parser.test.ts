import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJackson } from './jackson-json-parser.js';

const root = (text: string) => parseJackson(text).root;
const errorOf = (text: string) => {
  try {
    parseJackson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
  }
  throw new Error(`expected a syntax error for ${text}`);
};

describe('parseJackson', () => {
  it('keeps integer and floating-point tokens apart, with their text (VALUE_NUMBER_INT vs VALUE_NUMBER_FLOAT)', () => {
    const r = root('{"a":1,"b":1.0,"c":1e3,"d":-0,"e":12345678901234567890}');
    if (r.kind !== 'object') throw new Error('object expected');
    expect(r.entries.map((e) => e.value)).toMatchObject([
      { kind: 'number', text: '1', integer: true },
      { kind: 'number', text: '1.0', integer: false },
      { kind: 'number', text: '1e3', integer: false },
      { kind: 'number', text: '-0', integer: true },
      { kind: 'number', text: '12345678901234567890', integer: true },
    ]);
  });

  it('reports locations as Jackson does: 1-based line, 1-based column in UTF-8 bytes of the first byte', () => {
    // UTF8StreamJsonParser#_updateLocation: the column is _inputPtr - _currInputRowStart just after the first byte
    const r = root('{"é":"x", "b":\n [1]}');
    if (r.kind !== 'object') throw new Error('object expected');
    expect(r.entries[0]!.keyLoc).toEqual({ line: 1, column: 2 });
    expect(r.entries[0]!.value.loc).toEqual({ line: 1, column: 7 }); // "é" is 2 bytes
    expect(r.entries[1]!.keyLoc).toEqual({ line: 1, column: 12 });
    expect(r.entries[1]!.value).toMatchObject({ kind: 'array', loc: { line: 2, column: 2 }, end: { line: 2, column: 4 } });
  });

  it('rejects duplicate keys (JsonXContentImpl sets STRICT_DUPLICATE_DETECTION)', () => {
    expect(errorOf('{"a":1,"a":2}').message).toBe("Duplicate field 'a'");
  });

  it('allows comments (JsonXContentImpl sets ALLOW_COMMENTS)', () => {
    expect(root('/* c */ {"a": // x\n 1}')).toMatchObject({ kind: 'object', entries: [{ key: 'a' }] });
  });

  it("refuses what Jackson's defaults refuse: leading zeros, NaN, a dangling decimal point, raw control characters", () => {
    expect(errorOf('{"a":01}').message).toMatch(/Leading zeroes not allowed/);
    expect(errorOf('{"a":NaN}').message).toMatch(/Unrecognized token/);
    expect(errorOf('{"a":1.}').message).toMatch(/Decimal point not followed by a digit/);
    expect(errorOf('{"a":"x\ny"}').message).toMatch(/CTRL-CHAR, code 10/);
  });

  it('decodes escapes, surrogate pairs included', () => {
    expect(root('"\\u00e9\\ud83d\\ude00\\n"')).toMatchObject({ kind: 'string', value: 'é😀\n' });
  });

  it('reports the token after the root value (DocumentParser#validateEnd refuses it)', () => {
    expect(parseJackson('{} {}').trailing).toBe('START_OBJECT');
    expect(parseJackson('{} ]').trailingError).toBeInstanceOf(JsonSyntaxError);
  });

  it('stops at the maximum nesting depth of Jackson 2.15 (StreamReadConstraints: 1000)', () => {
    expect(() => parseJackson('['.repeat(1000) + ']'.repeat(1000))).not.toThrow();
    expect(errorOf('['.repeat(1001) + ']'.repeat(1001)).message).toMatch(/nesting depth \(1001\)/);
  });
});
