import type { LsTimestamp, LsValue } from './value.js';

/**
 * What a filter, codec or input may do with an event: the Event API of logstash-core 8.17
 * (org.logstash.Event, exposed to Ruby by JrubyEventExtLibrary.java). Field references follow
 * FieldReference.java: `message`, `[log][level]`, `[@metadata][input]`; an illegal reference
 * (`a[b]`, `[a]b`, an empty `[]`) throws FieldReferenceError.
 */
export interface LsEvent {
  get(reference: string): LsValue | undefined;
  /**
   * Sets a field, creating the hashes on the way. Throws InvalidFieldSetError, as
   * Accessors.setChild does, when a parent on the way holds a scalar ("Could not set field
   * 'x' on object 'y' to value 'z'").
   */
  set(reference: string, value: LsValue): void;
  /** Removes and returns the field (undefined when absent). */
  remove(reference: string): LsValue | undefined;
  /** Whether the field exists (a field holding nil exists). */
  includes(reference: string): boolean;
  /** Appends a tag to [tags] unless it is already there; makes [tags] an array. */
  tag(tag: string): void;
  timestamp: LsTimestamp;
  /** StringInterpolation.java: `%{field}`, `%{+YYYY.MM.dd}` (Joda, UTC), missing fields left literal. */
  sprintf(template: string): string;
  cancel(): void;
  readonly cancelled: boolean;
  /** The event without [@metadata], as Event#to_hash gives it. */
  toHash(): Record<string, LsValue>;
  clone(): LsEvent;
}
