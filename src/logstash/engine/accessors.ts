import { InvalidFieldSetError } from './event-errors.js';
import type { FieldReference } from './field-reference.js';
import { javaStoredToString } from './java-text.js';
import { isMap, newMap, type LsMap, type LsValue } from './value.js';

/**
 * org.logstash.Accessors (logstash-core v8.17.4): reading and writing a field reference in a
 * map of hashes and arrays. Arrays are indexed by decimal keys (`[tags][0]`, `[a][-1]` counts
 * from the end); a missing parent is created as a hash; a parent that is neither a hash nor an
 * array cannot take a child.
 */

/** Accessors.get: undefined when the field or a parent on the way is absent. */
export function getField(data: LsMap, ref: FieldReference): LsValue | undefined {
  const parent = findParent(data, ref);
  return parent === undefined ? undefined : fetch(parent, ref.key);
}

/** Accessors.set (Accessors.java:37-40). */
export function setField(data: LsMap, ref: FieldReference, value: LsValue): void {
  setChild(findCreateTarget(data, ref), ref.key, value);
}

/** Accessors.del (Accessors.java:42-49): the removed value, undefined when nothing was there. */
export function removeField(data: LsMap, ref: FieldReference): LsValue | undefined {
  const parent = findParent(data, ref);
  if (parent === undefined) return undefined;
  if (!Array.isArray(parent)) {
    if (!Object.hasOwn(parent, ref.key)) return undefined;
    const old = parent[ref.key];
    delete parent[ref.key];
    return old;
  }
  const index = listIndex(ref.key, parent.length);
  if (index === undefined || index < 0 || index >= parent.length) return undefined;
  return parent.splice(index, 1)[0];
}

/**
 * Accessors.includes (Accessors.java:51-56): a hash key that exists (even holding nil), or an
 * array element that is not nil (foundInList compares with null).
 */
export function includesField(data: LsMap, ref: FieldReference): boolean {
  const parent = findParent(data, ref);
  if (parent === undefined) return false;
  if (Array.isArray(parent)) {
    const found = fetch(parent, ref.key);
    return found !== undefined && found !== null;
  }
  return Object.hasOwn(parent, ref.key);
}

type Container = LsMap | LsValue[];

function isContainer(value: LsValue | undefined): value is Container {
  return Array.isArray(value) || isMap(value);
}

// Accessors.java:93-102.
function findParent(data: LsMap, ref: FieldReference): Container | undefined {
  let target: Container = data;
  for (const key of ref.path) {
    const next = fetch(target, key);
    if (!isContainer(next)) return undefined;
    target = next;
  }
  return target;
}

// Accessors.java:104-123: walk down, creating hashes from the first missing element on.
function findCreateTarget(data: LsMap, ref: FieldReference): LsValue {
  let target: LsValue = data;
  let create = false;
  for (const key of ref.path) {
    let result: LsValue | undefined;
    if (create) {
      result = newMap();
      (target as LsMap)[key] = result;
    } else {
      result = fetch(target as Container, key);
      // Java's null: an absent key, or an array index out of range. A key holding nil is a
      // RubyNil object (not null): it is kept, and setting its child fails below.
      create = result === undefined;
      if (create) {
        result = newMap();
        setChild(target, key, result);
      }
    }
    target = result!;
  }
  return target;
}

// Accessors.java:130-139.
function setChild(target: LsValue, key: string, value: LsValue): void {
  if (isMap(target)) {
    target[key] = value;
  } else if (Array.isArray(target)) {
    setOnList(target, key, value);
  } else {
    throw new InvalidFieldSetError(key, javaStoredToString(target), javaStoredToString(value));
  }
}

// Accessors.java:58-81: a non-numeric key does nothing; past the end pads with nils.
function setOnList(list: LsValue[], key: string, value: LsValue): void {
  const index = parseJavaInt(key);
  if (index === undefined) return;
  if (index >= list.length) {
    while (list.length < index) list.push(null);
    list.push(value);
    return;
  }
  const at = index < 0 ? list.length + index : index;
  // ArrayList.set's IndexOutOfBoundsException is not caught by Accessors.
  if (at < 0) throw new RangeError(`Index ${at} out of bounds for length ${list.length}`);
  list[at] = value;
}

function fetch(target: Container, key: string): LsValue | undefined {
  if (!Array.isArray(target)) return Object.hasOwn(target, key) ? target[key] : undefined;
  const index = listIndex(key, target.length);
  if (index === undefined || index < 0 || index >= target.length) return undefined;
  return target[index];
}

function listIndex(key: string, size: number): number | undefined {
  const i = parseJavaInt(key);
  return i === undefined ? undefined : i < 0 ? size + i : i;
}

/** Integer.parseInt: an optional sign and decimal digits, within 32 bits. */
function parseJavaInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}
