import { describe, expect, it } from 'vitest';
import { parseKeyword } from './keyword.js';
import { parseTextFamily } from './text-family.js';
import { fieldOf, refusal, jsonValue } from '../../../tests/support/elasticsearch/test-fields.js';

describe('keyword (KeywordFieldMapper#parseCreateField/#indexValue, 8.16 source)', () => {
  it('takes the text of any scalar; null indexes nothing', () => {
    expect(['"a"', '12', '1.50', 'true'].map((v) => parseKeyword(fieldOf('keyword'), jsonValue(v)))).toEqual(['indexed', 'indexed', 'indexed', 'indexed']);
    expect(parseKeyword(fieldOf('keyword'), jsonValue('null'))).toBe('none');
  });

  it('ignores (into _ignored) a value longer than ignore_above, counted in UTF-16 chars', () => {
    const f = fieldOf('keyword', { ignoreAbove: 3 });
    expect(parseKeyword(f, jsonValue('"abc"'))).toBe('indexed');
    expect(parseKeyword(f, jsonValue('"abcd"'))).toBe('ignored');
    expect(parseKeyword(f, jsonValue('"😀é"'))).toBe('indexed'); // 3 UTF-16 chars, 6 UTF-8 bytes
  });

  it('refuses a value over 32766 UTF-8 bytes without ignore_above, with the "immense term" message', () => {
    const e = refusal(() => parseKeyword(fieldOf('keyword', {}, 'url.path'), jsonValue(`"${'é'.repeat(16384)}"`))); // 32768 bytes
    expect(e?.error.type).toBe('illegal_argument_exception');
    expect(e?.error.reason).toBe(
      'Document contains at least one immense term in field="url.path" (whose UTF8 encoding is longer than the max length 32766), all of which were skipped. ' +
        `Please correct the analyzer to not produce such terms. The prefix of the first immense term is: '[${Array(15).fill('-61, -87').join(', ')}]...'`,
    );
    expect(parseKeyword(fieldOf('keyword'), jsonValue(`"${'x'.repeat(32766)}"`))).toBe('indexed');
  });

  it('writes nothing, so checks no length, when index, doc_values and store are all off (event.original)', () => {
    expect(parseKeyword(fieldOf('keyword', { index: false, docValues: false }), jsonValue(`"${'x'.repeat(40000)}"`))).toBe('indexed');
  });

  it('refuses an object: "Encountered unexpected token [START_OBJECT]."', () => {
    expect(refusal(() => parseKeyword(fieldOf('keyword'), jsonValue('{"a":1}')))?.error).toEqual({ type: 'illegal_argument_exception', reason: 'Encountered unexpected token [START_OBJECT].' });
  });
});

describe('text, match_only_text, wildcard (textOrNull)', () => {
  it('take any scalar and refuse objects with JsonXContentParser#throwOnNoText', () => {
    for (const type of ['text', 'match_only_text', 'wildcard'] as const) {
      expect(parseTextFamily(fieldOf(type), jsonValue('42'))).toBe('indexed');
      expect(parseTextFamily(fieldOf(type), jsonValue(`"${'x'.repeat(100000)}"`))).toBe('indexed');
      expect(refusal(() => parseTextFamily(fieldOf(type), jsonValue('{"a":1}')))?.error).toEqual({ type: 'illegal_state_exception', reason: "Can't get text on a START_OBJECT at 1:6" });
    }
  });

  it('wildcard honours its ignore_above', () => {
    expect(parseTextFamily(fieldOf('wildcard', { ignoreAbove: 2 }), jsonValue('"abc"'))).toBe('ignored');
  });
});
