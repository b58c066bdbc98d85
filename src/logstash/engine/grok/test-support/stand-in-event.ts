import type { LsEvent } from '../../event-api.js';
import { FieldReferenceError, InvalidFieldSetError } from '../../event-errors.js';
import { cloneValue, isMap, LsTimestamp, newMap, type LsMap, type LsValue } from '../../value.js';

/**
 * A small LsEvent for the filters' unit tests until logs-engine's Event lands on main: plain
 * `field` and `[a][b]` references, hashes created on the way, a scalar parent refused with
 * InvalidFieldSetError (Accessors.java), `%{field}` in sprintf. It models nothing the filters
 * under test depend on beyond that; switch to the engine's Event once it exists.
 */
export class StandInEvent implements LsEvent {
  readonly data: LsMap;
  private isCancelled = false;

  constructor(fields: Record<string, LsValue> = {}) {
    this.data = newMap(Object.entries(cloneValue(newMap(Object.entries(fields)))));
    if (!(this.data['@timestamp'] instanceof LsTimestamp)) this.data['@timestamp'] = LsTimestamp.parseInstant('2026-11-26T08:00:00Z');
  }

  get timestamp(): LsTimestamp {
    return this.data['@timestamp'] as LsTimestamp;
  }

  set timestamp(value: LsTimestamp) {
    this.data['@timestamp'] = value;
  }

  get(reference: string): LsValue | undefined {
    let node: LsValue | undefined = this.data;
    for (const key of path(reference)) node = isMap(node) ? node[key] : undefined;
    return node === undefined ? undefined : cloneValue(node);
  }

  set(reference: string, value: LsValue): void {
    const keys = path(reference);
    if (keys.length === 1 && keys[0] === '@timestamp' && !(value instanceof LsTimestamp)) {
      throw new TypeError(`wrong argument type ${typeof value} (expected LogStash::Timestamp)`);
    }
    let node: LsMap = this.data;
    for (const key of keys.slice(0, -1)) {
      const next: LsValue | undefined = node[key];
      if (next === undefined || next === null) node = node[key] = newMap();
      else if (isMap(next)) node = next;
      else throw new InvalidFieldSetError(keys.at(-1)!, String(next), String(value));
    }
    node[keys.at(-1)!] = cloneValue(value);
  }

  remove(reference: string): LsValue | undefined {
    const keys = path(reference);
    let node: LsValue | undefined = this.data;
    for (const key of keys.slice(0, -1)) node = isMap(node) ? node[key] : undefined;
    if (!isMap(node)) return undefined;
    const value = node[keys.at(-1)!];
    delete node[keys.at(-1)!];
    return value;
  }

  includes(reference: string): boolean {
    return this.get(reference) !== undefined;
  }

  tag(tag: string): void {
    const tags = this.data['tags'];
    const list = Array.isArray(tags) ? tags : tags === undefined || tags === null ? [] : [tags];
    if (!list.includes(tag)) list.push(tag);
    this.data['tags'] = list;
  }

  sprintf(template: string): string {
    return template.replace(/%\{([^}]+)\}/g, (whole, ref: string) => {
      const value = this.get(ref);
      return value === undefined || value === null ? whole : String(value);
    });
  }

  cancel(): void {
    this.isCancelled = true;
  }

  get cancelled(): boolean {
    return this.isCancelled;
  }

  toHash(): Record<string, LsValue> {
    const hash = cloneValue(this.data);
    delete hash['@metadata'];
    return hash;
  }

  clone(): LsEvent {
    return new StandInEvent(this.data);
  }
}

/** `a`, `[a][b]`, and embedded references `[[a][b]][c]` (FieldReference.java StrictTokenizer). */
function path(reference: string): string[] {
  if (!reference.startsWith('[')) return [reference];
  let depth = 0;
  for (const ch of reference) {
    depth += ch === '[' ? 1 : ch === ']' ? -1 : 0;
    if (depth < 0) throw new FieldReferenceError(reference);
  }
  const keys = [...reference.matchAll(/\[([^\[\]]+)\]/g)].map((m) => m[1]!);
  if (depth !== 0 || keys.length === 0 || /\][^\[\]]|^[^\[]/.test(reference)) throw new FieldReferenceError(reference);
  return keys;
}
