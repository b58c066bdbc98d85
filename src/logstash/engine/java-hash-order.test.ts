import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaStringHash } from './java-hash-order.js';

describe('javaHashMapOrder follows java.util.HashMap', () => {
  it('hashes strings as String.hashCode', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });
  it('orders keys by bucket: new HashMap<>(3) of c, b, a iterates a, b, c', () => {
    // capacity 4 (then 8 after the 4th key); "a"=97, "b"=98, "c"=99: buckets 1, 2, 3.
    expect(javaHashMapOrder(['c', 'b', 'a'])).toEqual(['a', 'b', 'c']);
    expect(javaHashMapOrder(['level', 'name'])).toEqual(javaHashMapOrder(['name', 'level']));
  });
});
