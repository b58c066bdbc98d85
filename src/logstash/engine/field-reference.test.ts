import { describe, expect, it } from 'vitest';
import { FieldReferenceError } from './event-errors.js';
import { fieldReference, isValidFieldReference } from './field-reference.js';

// Cases from logstash-core v8.17.4 FieldReferenceTest.java (strict mode).
describe('fieldReference parses as FieldReference.java does', () => {
  it('a bare name is one top-level key, whatever it holds', () => {
    expect(fieldReference('message')).toEqual({ path: [], key: 'message', type: 'data' });
    expect(fieldReference('a.b c')).toEqual({ path: [], key: 'a.b c', type: 'data' });
    expect(fieldReference('')).toEqual({ path: [], key: '', type: 'data' });
  });
  it('brackets make a path', () => {
    expect(fieldReference('[log][level]')).toEqual({ path: ['log'], key: 'level', type: 'data' });
    expect(fieldReference('[a]')).toEqual({ path: [], key: 'a', type: 'data' });
  });
  it('[@metadata] is its own map', () => {
    expect(fieldReference('[@metadata]')).toEqual({ path: [], key: '@metadata', type: 'meta-parent' });
    expect(fieldReference('@metadata')).toEqual({ path: [], key: '@metadata', type: 'meta-parent' });
    expect(fieldReference('[@metadata][input]')).toEqual({ path: [], key: 'input', type: 'meta-child' });
    expect(fieldReference('[@metadata][a][b]')).toEqual({ path: ['a'], key: 'b', type: 'meta-child' });
  });
  it('embedded references flatten (testParseEmbeddedSingleReference)', () => {
    expect(fieldReference('[[foo]][bar]')).toEqual({ path: ['foo'], key: 'bar', type: 'data' });
    expect(fieldReference('[[foo][bar]][baz]')).toEqual({ path: ['foo', 'bar'], key: 'baz', type: 'data' });
  });
  it('illegal syntax throws with Logstash message', () => {
    const bad = [
      '[[foo][bar]nope][baz]',
      '[nope[foo][bar]][baz]',
      '[foo][bar][baz',
      'foo[bar][baz]',
      '[foo]bar[baz]',
      '[',
      ']',
      '[[[[[[[[[[[]',
      '[foo]][bar]',
      '[this[is]terrible]',
      'this[index]',
      '[]',
      '[a][]',
    ];
    for (const reference of bad) {
      expect(() => fieldReference(reference), reference).toThrow(FieldReferenceError);
      expect(isValidFieldReference(reference)).toBe(false);
    }
    expect(() => fieldReference('[a]b')).toThrow('Invalid FieldReference: `[a]b`');
  });
});
