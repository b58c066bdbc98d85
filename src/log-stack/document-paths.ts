/** Reading ES documents by the dotted paths the fixtures use (`client.geo.location`). */

export function valueAt(doc: unknown, dotted: string): unknown {
  let node: unknown = doc;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy without the given paths; objects left empty by that go too (for comparing documents minus what varies). */
export function withoutPaths(doc: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(doc);
  const remove = (node: Record<string, unknown>, keys: readonly string[]): void => {
    const [key, ...rest] = keys;
    if (key === undefined || !(key in node)) return;
    const child = node[key];
    if (rest.length === 0) {
      delete node[key];
    } else if (child && typeof child === 'object' && !Array.isArray(child)) {
      remove(child as Record<string, unknown>, rest);
      if (Object.keys(child).length === 0) delete node[key];
    }
  };
  for (const dotted of paths) remove(copy, dotted.split('.'));
  return copy;
}

/** Replaces {{id}} in every string of a fixture value. */
export function withId<T>(value: T, id: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll('{{id}}', id)) as T;
}
