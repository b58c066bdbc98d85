import { javaStringHash } from './java-text.js';

/**
 * The iteration order of a java.util.HashMap (or HashSet) filled with these keys in this order,
 * without removals. Elasticsearch's messages print such maps and sets (a value preview
 * `{b=1, a=2}`, "would cause data streams [x, y]"), and DocumentParser builds the dynamic
 * mapping update by iterating one, so the order decides which conflict is reported.
 *
 * java.util.HashMap (JDK 23): bucket = (h ^ (h >>> 16)) & (capacity - 1); capacity starts at
 * 16 and doubles whenever size exceeds 0.75 * capacity; a resize splits each bucket keeping
 * the relative order of its entries, so entries iterate by bucket, then by insertion order.
 * Tree bins (8+ colliding keys in a table of 64+) are not modelled: they only occur with
 * adversarial keys.
 */
export function javaHashOrder<T>(entries: readonly (readonly [string, T])[]): [string, T][] {
  let capacity = 16;
  while (entries.length > capacity * 0.75) capacity *= 2;
  return entries
    .map(([key, value], index) => {
      const h = javaStringHash(key);
      return { key, value, index, bucket: (h ^ (h >>> 16)) & (capacity - 1) };
    })
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => [e.key, e.value]);
}

/** HashSet#toString of strings added in this order: `[a, b]`. */
export function javaHashSetToString(values: readonly string[]): string {
  const unique = [...new Set(values)];
  return `[${javaHashOrder(unique.map((v) => [v, v] as const))
    .map(([k]) => k)
    .join(', ')}]`;
}
