import { describe, expect, it } from 'vitest';
import { parseNumeric } from './numeric.js';
import { fieldOf, refusal, jsonValue } from '../../../tests/support/elasticsearch/test-fields.js';

const long = (json: string, params = {}) => parseNumeric(fieldOf('long', params), jsonValue(json));
const float = (json: string, params = {}) => parseNumeric(fieldOf('float', params), jsonValue(json));
const cause = (run: () => unknown) => refusal(run)?.error;

describe('long (NumberFieldMapper, NumberType.LONG, coerce on by default)', () => {
  it('coerces numeric strings and float tokens (truncated), and takes null and "" as no value', () => {
    expect(['1', '"12"', '"1.9"', '1.9', '-1e3', '"1e3"'].map((v) => long(v))).toEqual(Array(6).fill('indexed'));
    expect([long('null'), long('""')]).toEqual(['none', 'none']);
  });

  it('refuses malformed values with the parser messages, or ignores them with ignore_malformed', () => {
    expect(cause(() => long('"abc"'))).toEqual({ type: 'illegal_argument_exception', reason: 'For input string: "abc"' });
    expect(cause(() => long('"9223372036854775808"'))?.reason).toBe('Value [9223372036854775808] is out of range for a long');
    expect(cause(() => long('9223372036854775808'))?.reason).toBe('[1:6] Numeric value (9223372036854775808) out of range of long (-9223372036854775808 - 9223372036854775807)');
    expect(cause(() => long('true'))?.reason).toBe('[1:6] Current token (VALUE_TRUE) not numeric, can not use numeric value accessors');
    expect(['"abc"', '9223372036854775808', 'true', '1e19'].map((v) => long(v, { ignoreMalformed: true }))).toEqual(Array(4).fill('ignored'));
  });

  it('never ignores an object: the ignore_malformed check requires currentToken().isValue()', () => {
    expect(cause(() => long('{"a":1}', { ignoreMalformed: true }))).toEqual({ type: 'illegal_argument_exception', reason: 'Cannot parse object as number' });
  });

  it('without coerce refuses strings and fractions (checkCoerceString, ensureNumberConversion)', () => {
    expect(cause(() => long('"1"', { coerce: false }))?.reason).toBe('Long value passed as String');
    expect(cause(() => long('1.5', { coerce: false }))?.reason).toBe('1.5 cannot be converted to Long without data loss');
  });
});

describe('float (NumberType.FLOAT: floatValue, then validateFiniteValue)', () => {
  it('parses strings with Float.parseFloat and refuses non-finite results', () => {
    expect(['1', '1.5', '" 2.5f "', '"1e3"'].map((v) => float(v))).toEqual(Array(4).fill('indexed'));
    expect(cause(() => float('"NaN"'))?.reason).toBe('[float] supports only finite values, but got [NaN]');
    expect(cause(() => float('1e39'))?.reason).toBe('[float] supports only finite values, but got [Infinity]');
    expect(cause(() => float('"x"'))).toEqual({ type: 'number_format_exception', reason: 'For input string: "x"' });
    expect(float('"x"', { ignoreMalformed: true })).toBe('ignored');
  });
});
