import type { RubyRegex } from '../../ruby-regex.js';
import { rubyArray } from '../decorators.js';
import type { LsEvent } from '../event-api.js';
import type { PluginLogger } from '../plugin-log.js';
import { rubyToS } from '../ruby-inspect.js';
import { cloneValue, isMap, newMap, type LsMap, type LsValue } from '../value.js';
import { convertValue, noMethod } from './mutate-convert.js';
import { rubyCapitalize, rubyGsub, rubySplit, rubyStrip } from './ruby-string.js';

export interface GsubRule {
  field: string;
  needle: RubyRegex | string;
  replacement: string;
  compile(source: string): RubyRegex;
}

export interface MutateConfig {
  coerce?: LsMap;
  rename?: LsMap;
  update?: LsMap;
  replace?: LsMap;
  convert?: LsMap;
  gsub?: GsubRule[];
  uppercase?: LsValue[];
  capitalize?: LsValue[];
  lowercase?: LsValue[];
  strip?: LsValue[];
  split?: LsMap;
  join?: LsMap;
  merge?: LsMap;
  copy?: LsMap;
}

type Op = (event: LsEvent, logger: PluginLogger) => void;

/** Ruby's NoMethodError message (JRuby 9.4): "undefined method `strip' for 5:Integer". */
const text = (v: LsValue) => rubyToS(v);

/** The configured operations of one mutate, in mutate.rb's order (mutate.rb:246-262). */
export function mutateOperations(c: MutateConfig): Op[] {
  const ops: Op[] = [];
  // mutate.rb:273-278
  if (c.coerce) ops.push((e) => each(c.coerce!, (field, value) => e.includes(field) && e.get(field) === null && e.set(field, e.sprintf(text(value)))));
  // mutate.rb:280-287: sprintf both names; only an existing field moves.
  if (c.rename)
    ops.push((e) =>
      each(c.rename!, (from, to) => {
        const old = e.sprintf(from);
        const dest = e.sprintf(text(to));
        if (e.includes(old)) e.set(dest, e.remove(old) ?? null);
      }),
    );
  if (c.update) ops.push((e) => each(c.update!, (field, value) => e.includes(field) && e.set(field, e.sprintf(text(value)))));
  if (c.replace) ops.push((e) => each(c.replace!, (field, value) => e.set(field, e.sprintf(text(value)))));
  if (c.convert)
    ops.push((e, log) =>
      each(c.convert!, (field, type) => {
        if (!e.includes(field)) return;
        const original = e.get(field);
        if (original === null || original === undefined || isMap(original)) return;
        const convert = (v: LsValue) => convertValue(v, text(type), log);
        e.set(field, Array.isArray(original) ? original.map((v) => (v === null ? v : convert(v))) : convert(original));
      }),
    );
  // mutate.rb:342-373
  if (c.gsub)
    ops.push((e, log) => {
      for (const rule of c.gsub!) {
        const value = e.get(rule.field);
        const apply = (s: string) => rubyGsub(s, typeof rule.needle === 'string' ? rule.compile(e.sprintf(rule.needle)) : rule.needle, e.sprintf(rule.replacement));
        if (Array.isArray(value)) {
          e.set(
            rule.field,
            value.map((v) => {
              if (typeof v === 'string') return apply(v);
              log.warn('gsub mutation is only applicable for strings and arrays of strings, skipping', { field: rule.field, value: v });
              return v;
            }),
          );
        } else if (typeof value === 'string') e.set(rule.field, apply(value));
      }
    });
  const caseOp =
    (fields: LsValue[], change: (s: string) => string): Op =>
    (e) => {
      for (const field of fields.map(text)) {
        const original = e.get(field);
        if (original === null || original === undefined) continue;
        const result = Array.isArray(original) ? original.map((v) => (typeof v === 'string' ? change(v) : v)) : typeof original === 'string' ? change(original) : original;
        e.set(field, result);
      }
    };
  if (c.uppercase) ops.push(caseOp(c.uppercase, (s) => s.toUpperCase()));
  if (c.capitalize) ops.push(caseOp(c.capitalize, rubyCapitalize));
  if (c.lowercase) ops.push(caseOp(c.lowercase, (s) => s.toLowerCase()));
  // mutate.rb:451-461: strip calls String#strip on every element, whatever it is.
  if (c.strip)
    ops.push((e) => {
      for (const field of c.strip!.map(text)) {
        const value = e.get(field);
        const strip = (v: LsValue) => {
          if (typeof v !== 'string') throw noMethod('strip', v);
          return rubyStrip(v);
        };
        if (Array.isArray(value)) e.set(field, value.map(strip));
        else if (typeof value === 'string') e.set(field, strip(value));
      }
    });
  if (c.split)
    ops.push((e) =>
      each(c.split!, (field, separator) => {
        const value = e.get(field);
        if (typeof value === 'string') e.set(field, rubySplit(value, text(separator)));
      }),
    );
  // mutate.rb:443-449: Array#join flattens nested arrays and to_s's the elements.
  if (c.join)
    ops.push((e) =>
      each(c.join!, (field, separator) => {
        const value = e.get(field);
        if (Array.isArray(value)) e.set(field, flatten(value).map(text).join(text(separator)));
      }),
    );
  if (c.merge)
    ops.push((e, log) =>
      each(c.merge!, (dest, added) => {
        for (const source of rubyArray(added).map(text)) {
          const destValue = e.get(dest);
          const addedValue = e.get(source);
          if (isMap(destValue) !== isMap(addedValue)) {
            log.error('Not possible to merge an array and a hash: ', { dest_field: dest, added_field: source });
            continue;
          }
          if (isMap(destValue)) e.set(dest, newMap([...Object.entries(destValue), ...Object.entries(addedValue as LsMap)]));
          else e.set(dest, [...rubyArray(destValue), ...rubyArray(addedValue)]);
        }
      }),
    );
  if (c.copy)
    ops.push((e) =>
      each(c.copy!, (from, to) => {
        const original = e.get(from);
        if (original !== null && original !== undefined) e.set(text(to), cloneValue(original));
      }),
    );
  return ops;
}

function flatten(list: readonly LsValue[]): LsValue[] {
  return list.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

function each(map: LsMap, fn: (key: string, value: LsValue) => unknown): void {
  for (const [k, v] of Object.entries(map)) fn(k, v);
}
