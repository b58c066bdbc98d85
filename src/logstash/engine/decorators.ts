import type { Event } from './event.js';
import { rubyToS } from './ruby-inspect.js';
import type { LsMap, LsValue } from './value.js';
import { isMap } from './value.js';

/**
 * LogStash::Util::Decorators (logstash-core v8.17.4 util/decorators.rb) and the tail of
 * LogStash::Filters::Base#filter_matched (filters/base.rb:196-230).
 */

/** Ruby's Kernel#Array: nil → [], an array as is, a hash → its [key, value] pairs, else [x]. */
export function rubyArray(value: LsValue | undefined): LsValue[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (isMap(value)) return Object.entries(value).map(([k, v]) => [k, v]);
  return [value];
}

/** add_fields (decorators.rb:9-25): an existing field becomes an array with the value appended. */
export function addFields(fields: LsMap, event: Event): void {
  for (const [name, value] of Object.entries(fields)) {
    const field = event.sprintf(name);
    for (const item of rubyArray(value)) {
      const v = event.sprintf(rubyToS(item));
      if (event.includes(field)) {
        const list = rubyArray(event.get(field));
        list.push(v);
        event.set(field, list);
      } else {
        event.set(field, v);
      }
    }
  }
}

/** add_tags (decorators.rb:27-40): appended without deduplication. */
export function addTags(newTags: readonly LsValue[], event: Event): void {
  if (newTags.length === 0) return;
  const tags = rubyArray(event.get('tags'));
  for (const tag of newTags) tags.push(event.sprintf(rubyToS(tag)));
  event.set('tags', tags);
}

/** filter_matched (filters/base.rb:196-230): add_field, remove_field, add_tag, remove_tag. */
export function filterMatched(event: Event, options: { addField: LsMap; removeField: readonly LsValue[]; addTag: readonly LsValue[]; removeTag: readonly LsValue[] }): void {
  addFields(options.addField, event);
  for (const field of options.removeField) event.remove(event.sprintf(rubyToS(field)));
  addTags(options.addTag, event);
  if (options.removeTag.length === 0) return;
  const current = event.get('tags');
  if (current === undefined || current === null || current === false) return;
  let tags = rubyArray(current);
  for (const tag of options.removeTag) {
    if (tags.length === 0) break;
    const name = event.sprintf(rubyToS(tag));
    tags = tags.filter((t) => !(typeof t === 'string' && t === name));
  }
  event.set('tags', tags);
}
