/**
 * The iteration order of a java.util.HashMap built with `new HashMap<>(n)` and filled with
 * `keys` in that order (JDK 21 HashMap.java: table size tableSizeFor(n), doubling when the size
 * passes 3/4 of it; buckets by `(h ^ h >>> 16) & (size - 1)`, each bucket in insertion order).
 * Logstash prints maps this way where it Javafies them (sprintf of a hash field).
 */
export function javaHashMapOrder(keys: readonly string[], initialCapacity = keys.length): string[] {
  let capacity = tableSizeFor(initialCapacity);
  for (let size = 1; size <= keys.length; size++) if (size > capacity * 0.75) capacity *= 2;
  const buckets = keys.map((key, index) => ({ key, index, bucket: spread(javaStringHash(key)) & (capacity - 1) }));
  buckets.sort((a, b) => a.bucket - b.bucket || a.index - b.index);
  return buckets.map((b) => b.key);
}

/** String.hashCode: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, in 32 bits. */
export function javaStringHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

function spread(h: number): number {
  return (h ^ (h >>> 16)) >>> 0;
}

function tableSizeFor(capacity: number): number {
  let n = 1;
  while (n < capacity) n *= 2;
  return Math.min(n, 1 << 30);
}
