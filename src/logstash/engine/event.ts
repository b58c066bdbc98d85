import { getField, includesField, removeField, setField } from './accessors.js';
import type { LsEvent } from './event-api.js';
import { canonical, fieldReference, type FieldReference } from './field-reference.js';
import { javaStoredToString } from './java-text.js';
import type { LogLine } from './plugin-log.js';
import { rubyClassName, storedJavaClassName } from './ruby-class.js';
import { sprintf } from './sprintf.js';
import { parseLenientIso8601 } from './timestamp-parse.js';
import { cloneValue, isMap, LsTimestamp, newMap, type LsMap, type LsValue } from './value.js';

/** What an event needs from the pipeline around it: the clock, and Logstash's log. */
export interface EventEnvironment {
  now(): LsTimestamp;
  log(line: LogLine): void;
}

export const realTime: EventEnvironment = {
  now: () => LsTimestamp.ofEpochMilli(Date.now()),
  log: () => {},
};

/** Event.java:187-190: the exception for a [tags] that is not a string or a list of strings. */
export class InvalidTagsTypeError extends Error {
  constructor(ref: FieldReference, value: LsValue) {
    super(`Could not set the reserved tags field '${canonical(ref)}' to value '${javaStoredToString(value)}'. The tags field only accepts string or array of string.`);
    this.name = 'InvalidTagsTypeError';
  }
}

/** JrubyEventExtLibrary.java:117-129: only a LogStash::Timestamp may go into @timestamp from Ruby. */
export class TimestampTypeError extends TypeError {
  constructor(value: LsValue) {
    super(`wrong argument type ${rubyClassName(value)} (expected LogStash::Timestamp)`);
  }
}

/**
 * org.logstash.Event of logstash-core v8.17.4 as plugins see it through the Ruby API
 * (JrubyEventExtLibrary.java): `data` holds the fields with @timestamp as a Timestamp,
 * `metadata` is [@metadata], kept apart. `get`/`remove` hand out copies (Rubyfier.deep builds
 * new Ruby hashes and arrays) and `set` stores a copy (Valuefier.convert).
 */
export class Event implements LsEvent {
  private cancelledFlag = false;
  /** Where the event stands in its input stream, so reports keep that order (not Logstash's). */
  seq = 0;

  private constructor(
    private data: LsMap,
    private metadata: LsMap,
    readonly env: EventEnvironment,
  ) {}

  /** new Event(): @version "1" and the current time (Event.java:84-91). */
  static empty(env: EventEnvironment = realTime): Event {
    return Event.fromMap(newMap(), env);
  }

  /**
   * new Event(Map) (Event.java:97-129): takes `map` (not copied), adds @version, lifts a
   * `@metadata` hash out, renames an illegal [tags] to [_tags] with _tagsparsefailure, and reads
   * @timestamp (absent or nil: now; unreadable: now, tagged _timestampparsefailure, with the
   * original in [_@timestamp] and a warning in the log).
   */
  static fromMap(map: LsMap, env: EventEnvironment = realTime): Event {
    if (!Object.hasOwn(map, '@version')) map['@version'] = '1';
    let metadata = newMap();
    if (Object.hasOwn(map, '@metadata')) {
      const meta = map['@metadata']!;
      delete map['@metadata'];
      if (!isMap(meta)) throw new TypeError(`class ${storedJavaClassName(meta).slice(6)} cannot be cast to class java.util.Map`);
      metadata = meta;
    }
    const event = new Event(map, metadata, env);
    const tags = map.tags;
    if (!isLegalTags(tags)) {
      map._tags = [tags === undefined ? null : tags];
      map.tags = ['_tagsparsefailure'];
    }
    const provided = map['@timestamp'];
    const parsed = initTimestamp(provided, env);
    map['@timestamp'] = parsed ?? env.now();
    if (!parsed) {
      event.tag('_timestampparsefailure');
      setField(map, fieldReference('_@timestamp'), provided!);
    }
    return event;
  }

  get(reference: string): LsValue | undefined {
    const value = this.peek(reference);
    return value === undefined ? undefined : cloneValue(value);
  }

  /** The stored value itself, not a copy: for the engine's own reads (conditions, sprintf). */
  peek(reference: string): LsValue | undefined {
    const ref = fieldReference(reference);
    if (ref.type === 'meta-parent') return this.metadata;
    return getField(ref.type === 'meta-child' ? this.metadata : this.data, ref);
  }

  set(reference: string, value: LsValue): void {
    const ref = fieldReference(reference);
    if (ref.type === 'data' && ref.path.length === 0 && ref.key === '@timestamp') {
      if (!(value instanceof LsTimestamp)) throw new TimestampTypeError(value);
      this.data['@timestamp'] = value;
      return;
    }
    // Event.java:210-216 (tags action RENAME, the default).
    if ((ref.type === 'data' && ref.path.length === 0 && ref.key === 'tags' && !isLegalTags(value)) || ref.path[0] === 'tags') {
      throw new InvalidTagsTypeError(ref, value);
    }
    if (ref.type === 'meta-parent') {
      if (!isMap(value)) throw new TypeError(`class ${storedJavaClassName(value).slice(6)} cannot be cast to class java.util.Map`);
      this.metadata = cloneValue(value);
      return;
    }
    setField(ref.type === 'meta-child' ? this.metadata : this.data, ref, cloneValue(value));
  }

  remove(reference: string): LsValue | undefined {
    const ref = fieldReference(reference);
    if (ref.type === 'meta-parent') {
      const old = this.metadata;
      this.metadata = newMap();
      return old;
    }
    return removeField(ref.type === 'meta-child' ? this.metadata : this.data, ref);
  }

  includes(reference: string): boolean {
    const ref = fieldReference(reference);
    if (ref.type === 'meta-parent') return true;
    return includesField(ref.type === 'meta-child' ? this.metadata : this.data, ref);
  }

  /** Event.java:411-446: appends unless present; a string [tags] becomes a list. */
  tag(tag: string): void {
    const tags = this.data.tags;
    if (tags === undefined || tags === null) {
      this.data.tags = [tag];
      return;
    }
    const list = Array.isArray(tags) ? [...tags] : [tags];
    if (!list.includes(tag)) {
      list.push(tag);
      this.data.tags = list;
    }
  }

  get timestamp(): LsTimestamp {
    return this.data['@timestamp'] as LsTimestamp;
  }

  set timestamp(value: LsTimestamp) {
    if (!(value instanceof LsTimestamp)) throw new TimestampTypeError(value);
    this.data['@timestamp'] = value;
  }

  sprintf(template: string): string {
    return sprintf(this, template);
  }

  cancel(): void {
    this.cancelledFlag = true;
  }

  uncancel(): void {
    this.cancelledFlag = false;
  }

  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  /** Event#to_hash: the fields without [@metadata] (a copy). */
  toHash(): LsMap {
    return cloneValue(this.data);
  }

  /** Event#to_hash_with_metadata: [@metadata] included when not empty. */
  toHashWithMetadata(): LsMap {
    const hash = cloneValue(this.data);
    if (Object.keys(this.metadata).length > 0) hash['@metadata'] = cloneValue(this.metadata);
    return hash;
  }

  /** The metadata map itself (not a copy), for the engine. */
  get metadataMap(): LsMap {
    return this.metadata;
  }

  /** Event#clone (Event.java:368-373): deep copies through the constructor. */
  clone(): Event {
    const map = cloneValue(this.data);
    map['@metadata'] = cloneValue(this.metadata);
    const copy = Event.fromMap(map, this.env);
    copy.seq = this.seq;
    return copy;
  }
}

// Event.java:222-236: a string, nil (Java null: absent) or a list of strings.
function isLegalTags(value: LsValue | undefined): boolean {
  if (value === undefined || typeof value === 'string') return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

// Event.java:385-409: what the constructor makes of a provided @timestamp.
function initTimestamp(value: LsValue | undefined, env: EventEnvironment): LsTimestamp | undefined {
  if (value === undefined || value === null) return env.now();
  if (value instanceof LsTimestamp) return value;
  if (typeof value === 'string') {
    const parsed = parseLenientIso8601(value);
    if (!parsed) env.log({ level: 'warn', logger: 'org.logstash.Event', message: `Error parsing @timestamp string value=${value}` });
    return parsed;
  }
  env.log({ level: 'warn', logger: 'org.logstash.Event', message: `Unrecognized @timestamp value type=${storedJavaClassName(value)}` });
  return undefined;
}
