import { describe, expect, it } from 'vitest';
import { BufferFullError, BufferedTokenizer } from './buffered-tokenizer.js';

// logstash-core v8.17.4 BufferedTokenizerExt.java (and its spec, buftok_spec.rb).
describe('BufferedTokenizer', () => {
  it('splits on the delimiter and keeps the unfinished tail for the next chunk', () => {
    const t = new BufferedTokenizer('\n');
    expect(t.extract('a\nb')).toEqual(['a']);
    expect(t.extract('c\nd\n')).toEqual(['bc', 'd']);
    expect(t.extract('e')).toEqual([]);
    expect(t.flush()).toBe('e');
    expect(t.flush()).toBe('');
  });
  it('throws "input buffer full" when the carried tail plus the first piece pass the limit, and drops that line', () => {
    const t = new BufferedTokenizer('\n', 10);
    expect(t.extract('ok\n0123456')).toEqual(['ok']);
    expect(() => t.extract('789abc')).toThrow(BufferFullError);
    expect(() => new BufferedTokenizer('\n', 10).extract('0123456789abc')).toThrow('input buffer full, consumed token which exceeded the sizeLimit 10; inputSize: 0, entitiesSize 13');
  });
  it('after the error, skips the rest of the long line up to its delimiter', () => {
    const t = new BufferedTokenizer('\n', 10);
    expect(() => t.extract('0123456789abc')).toThrow(BufferFullError);
    expect(t.extract('def\nnext\n')).toEqual(['next']);
  });
  it('checks only the first token of a chunk: a long line behind a short one in one read passes', () => {
    const t = new BufferedTokenizer('\n', 10);
    expect(t.extract(`a\n${'x'.repeat(50)}\nb\n`)).toEqual(['a', 'x'.repeat(50), 'b']);
  });
});
