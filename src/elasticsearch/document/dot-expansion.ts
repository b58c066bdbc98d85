import { illegalArgument } from '../es-failure.js';
import { endLoc, type JsonEntry, type JsonNode } from '../json/json-node.js';
import { failedToParse } from './parse-errors.js';

/** An object that exists only because a dotted key was expanded (its tokens are synthetic). */
export type SyntheticObject = Extract<JsonNode, { kind: 'object' }> & { readonly synthetic: true };

export function isSynthetic(node: JsonNode): node is SyntheticObject {
  return (node as { synthetic?: boolean }).synthetic === true;
}

/**
 * DotExpandingXContentParser.WrappingParser#expandDots (server/.../index/mapper/
 * DotExpandingXContentParser.java, 8.x): `"a.b.c": v` is read as `"a": {"b": {"c": v}}`; the
 * synthetic START_OBJECT/FIELD_NAME tokens report the dotted key's location, the synthetic
 * END_OBJECTs the location of the value's last token. Trailing dots are dropped ("a." is "a");
 * empty or blank segments elsewhere are refused with the (swapped) messages of throwOnBlankOrEmptyPart.
 * The IllegalArgumentException is raised while reading the key, so DocumentParser wraps it as
 * "failed to parse: ..." at the key's location.
 */
export function expandKey(entry: JsonEntry): { name: string; value: JsonNode } {
  const { key, keyLoc } = entry;
  const refuse = (message: string): never => {
    throw failedToParse(keyLoc, illegalArgument(message));
  };
  if (key.length === 0) refuse('field name cannot be an empty string');
  if (!key.includes('.')) return { name: key, value: entry.value };
  const list = key.split('.');
  let size = list.length;
  while (size > 0 && list[size - 1] === '') size--;
  if (size === 0) refuse('field name cannot contain only dots');
  const parts = list.slice(0, size);
  for (const part of parts) {
    if (isJavaBlank(part)) {
      refuse(part === '' ? `field name cannot contain only whitespace: ['${key}']` : `field name starting or ending with a [.] makes object resolution ambiguous: [${key}]`);
    }
  }
  let value = entry.value;
  for (let i = parts.length - 1; i >= 1; i--) {
    const inner: SyntheticObject = { kind: 'object', entries: [{ key: parts[i]!, keyLoc, value }], loc: keyLoc, end: endLoc(entry.value), synthetic: true };
    value = inner;
  }
  return { name: parts[0]!, value };
}

/** String#isBlank: empty or only Character#isWhitespace code points. */
export function isJavaBlank(s: string): boolean {
  return /^[\t\n\u000b\f\r\u001c-\u001f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/.test(s);
}
