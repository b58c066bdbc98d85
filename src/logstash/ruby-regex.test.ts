import { describe, expect, it } from 'vitest';
import { namedGroups, RubyRegex, rubyRegex, RubyRegexError } from './ruby-regex.js';

describe('RubyRegex: regular expressions as Logstash (Joni, Ruby syntax) reads them', () => {
  it('treats ^ and $ as line anchors, and \\A / \\z as string anchors', async () => {
    expect((await rubyRegex('^x$')).test('a\nx\nb')).toBe(true);
    expect((await rubyRegex('\\Ax\\z')).test('a\nx\nb')).toBe(false);
    expect((await rubyRegex('\\Ax\\z')).test('x')).toBe(true);
  });

  it('lets . match a newline only with (?m) or the dotAll flag', async () => {
    expect((await rubyRegex('a.b')).test('a\nb')).toBe(false);
    expect((await rubyRegex('(?m)a.b')).test('a\nb')).toBe(true);
    expect((await rubyRegex('a.b', { dotAll: true })).test('a\nb')).toBe(true);
  });

  it('captures only named groups when there are any, numbered in order, in UTF-16 indices', async () => {
    const text = 'ab😀ééxy';
    const m = (await rubyRegex('(?<a>é+)(x)(?<b>y)')).search(text)!;
    expect(m.groups).toHaveLength(2);
    expect(RubyRegex.named(text, m, 'a')).toBe('éé');
    expect(RubyRegex.named(text, m, 'b')).toBe('y');
  });

  it('captures plain groups when no group is named', async () => {
    const m = (await rubyRegex('(a)(b)')).search('zab')!;
    expect(m.groups).toEqual([
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it('reports a group that took no part in the match as undefined, and an empty one as empty', async () => {
    const alt = (await rubyRegex('(?<a>x)|(?<b>y)')).search('zy')!;
    expect(alt.groups[0]).toBeUndefined();
    expect(RubyRegex.named('zy', alt, 'b')).toBe('y');
    expect((await rubyRegex('(?<a>)y')).search('y')!.groups[0]).toEqual({ start: 0, end: 0 });
  });

  it('reports a group that took no part as undefined in a non-ASCII text too (vscode-oniguruma clamps it to the end)', async () => {
    const m = (await rubyRegex('(?<a>x)?(?<b>é)')).search('é')!;
    expect(m.groups).toEqual([undefined, { start: 0, end: 1 }]);
    expect(RubyRegex.named('é', m, 'a')).toBeUndefined();
  });

  it('accepts atomic groups and possessive quantifiers, which JavaScript RegExp rejects', async () => {
    expect((await rubyRegex('(?>a+)b')).test('aab')).toBe(true);
    expect((await rubyRegex('a++b')).test('aab')).toBe(true);
  });

  it('says why a pattern does not compile', async () => {
    await expect(rubyRegex('(unclosed')).rejects.toThrow(RubyRegexError);
    await expect(rubyRegex('(unclosed')).rejects.toThrow(/invalid regular expression \/\(unclosed\/: /);
  });

  it('finds named groups past escapes, classes, comments and lookbehinds', () => {
    expect([...namedGroups("\\(?<no>x)[(?<no2>][a-z&&[^(]](?#(?<c>))(?<=a)(?<!b)(?<one>a)(?'two'b)(?<one>c)").entries()]).toEqual([
      ['one', [1, 3]],
      ['two', [2]],
    ]);
  });
});
