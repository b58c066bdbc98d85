import type { Attribute, PluginNode, Value } from '../parser/ast.js';
import { PipelineLoadError, whereOf } from './engine-errors.js';
import { isValidFieldReference } from './field-reference.js';
import { UnmodelledError } from './filter-api.js';
import { PluginOptions, type OptionSite, type OptionSpec, type OptionSpecs } from './plugin-options.js';
import { substituteVariables } from './substitution.js';
import { cloneValue, isMap, newMap, type LsMap, type LsValue } from './value.js';

/** Where a plugin sits and how to read its options. */
export interface PluginSource {
  file: string;
  /** The config text (numbers are read from it: 5 and 5.0 differ). */
  text: string;
  node: PluginNode;
  kind: 'input' | 'filter' | 'output' | 'codec';
}

/**
 * config_init (logstash-core v8.17.4 config/mixin.rb:62-165) for one plugin: the options as
 * written (lscl.rb's values, repeated options merged as lscl.rb:117-140 merges them), defaults,
 * `${VAR:default}` substituted (substitution_variables.rb), then validated: an unknown option,
 * a missing required one, an obsolete one or a value that does not validate is an error
 * Logstash would stop on; an option Logstash knows but the engine does not model is an
 * UnmodelledError at its line.
 */
export function configInit(source: PluginSource, specs: OptionSpecs, variables: Readonly<Record<string, string>>): PluginOptions {
  const { file, node } = source;
  const pluginWhere = whereOf(file, node.pos);
  const written = new Map<string, { value: LsValue; attribute: Attribute }>();
  for (const attribute of node.attributes) {
    if (attribute.value.kind === 'plugin') {
      written.set(attribute.name, { value: attribute.value.plugin.name, attribute });
      continue;
    }
    const value = plainValue(source, attribute.value);
    const existing = written.get(attribute.name);
    written.set(attribute.name, { value: existing ? mergeRepeated(existing.value, value) : value, attribute });
  }
  const values = new Map<string, LsValue>();
  const sites = new Map<string, OptionSite>();
  for (const [name, { value, attribute }] of written) {
    const where = whereOf(file, attribute.pos);
    const spec = specs[name];
    if (!spec) throw new PipelineLoadError(where, `Unknown setting '${name}' for ${node.name}`, `the ${source.kind} ${node.name} takes: ${Object.keys(specs).sort().join(', ')}`);
    if (spec.obsolete) throw new PipelineLoadError(where, `The setting \`${name}\` in plugin \`${node.name}\` is obsolete and is no longer available. ${spec.obsolete}`);
    if (spec.unmodelled) throw new UnmodelledError(`${node.name} option "${name}" is not modelled by the engine: ${spec.unmodelled}`, name, where);
    let substituted: LsValue;
    try {
      substituted = substituteVariables(value, true, variables);
    } catch (error) {
      throw new PipelineLoadError(where, (error as Error).message);
    }
    const checked = validate(substituted, spec);
    if ('error' in checked) throw new PipelineLoadError(where, `Invalid setting for ${node.name} ${source.kind} plugin: ${name} => ${JSON.stringify(value)}: ${checked.error}`);
    values.set(name, checked.value);
    sites.set(name, { where, attribute });
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (values.has(name)) continue;
    if (spec.required) throw new PipelineLoadError(pluginWhere, `Missing a required setting for the ${node.name} ${source.kind} plugin: ${node.name} { ${name} => # SETTING MISSING }`);
    if (spec.default !== undefined) values.set(name, cloneValue(spec.default));
  }
  return new PluginOptions(node.name, pluginWhere, values, sites);
}

/**
 * Options a plugin builds for another one in Ruby (`LogStash::Filters::Grok.new("match" => ...)`,
 * as the syslog input does): validated and defaulted as config_init does, without a config node.
 */
export function optionsFromValues(plugin: string, where: string, specs: OptionSpecs, given: Record<string, LsValue | undefined>): PluginOptions {
  const values = new Map<string, LsValue>();
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const spec = specs[name];
    if (!spec) throw new PipelineLoadError(where, `Unknown setting '${name}' for ${plugin}`);
    const checked = validate(value, spec);
    if ('error' in checked) throw new PipelineLoadError(where, `Invalid setting for ${plugin}: ${name}: ${checked.error}`);
    values.set(name, checked.value);
  }
  for (const [name, spec] of Object.entries(specs)) if (!values.has(name) && spec.default !== undefined) values.set(name, cloneValue(spec.default));
  return new PluginOptions(plugin, where, values);
}

/** The value of a config node as lscl.rb makes it (no escapes: config.support_escapes is off). */
export function plainValue(source: PluginSource, value: Value): LsValue {
  switch (value.kind) {
    case 'string':
    case 'bareword':
      return value.value;
    case 'number':
      return value.raw.includes('.') ? Number(value.raw) : BigInt(value.raw);
    case 'array':
      return value.items.map((item) => plainValue(source, item));
    case 'hash': {
      const map = newMap();
      for (const entry of value.entries) {
        const key = entry.key.kind === 'number' ? entry.key.raw : entry.key.value;
        // lscl.rb:218-231 (Hash#validate!): duplicate keys stop the pipeline.
        if (Object.hasOwn(map, key)) throw new PipelineLoadError(whereOf(source.file, entry.pos), `Duplicate keys found in your configuration: [${JSON.stringify(key)}]`);
        map[key] = plainValue(source, entry.value);
      }
      return map;
    }
    case 'plugin':
      throw new PipelineLoadError(whereOf(source.file, value.pos), `a plugin (${value.plugin.name}) is only allowed as a codec`);
  }
}

// lscl.rb:125-136: hashes merge, arrays concatenate, other values pair up unless equal.
function mergeRepeated(existing: LsValue, value: LsValue): LsValue {
  if (isMap(existing) && isMap(value)) return newMap([...Object.entries(existing), ...Object.entries(value)]);
  if (Array.isArray(existing)) return [...existing, ...(Array.isArray(value) ? value : [value])];
  return existing === value ? existing : [existing, value];
}

/** validate_value (mixin.rb:413-606) for the validators our plugins use. */
function validate(raw: LsValue, spec: OptionSpec): { value: LsValue } | { error: string } {
  const v = spec.validate;
  if (v === undefined) return { value: raw };
  if (spec.list) {
    const items = Array.isArray(raw) ? raw : [raw];
    const out: LsValue[] = [];
    for (const item of items) {
      const r = validate(item, { validate: v });
      if ('error' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  if (Array.isArray(v)) {
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length > 1 || !v.includes(items[0] as string)) return { error: `Expected one of ${JSON.stringify(v)}, got ${JSON.stringify(items)}` };
    return { value: items[0]! };
  }
  const list: LsValue[] | LsMap = isMap(raw) ? raw : Array.isArray(raw) ? raw : [raw];
  if (v === 'hash') {
    if (isMap(list)) return { value: list };
    if (list.length % 2 === 1) return { error: `This field must contain an even number of items, got ${list.length}` };
    const map = newMap();
    for (let i = 0; i < list.length; i += 2) {
      const key = String(list[i]);
      map[key] = Object.hasOwn(map, key) ? [...(Array.isArray(map[key]) ? (map[key] as LsValue[]) : [map[key]!]), list[i + 1]!] : list[i + 1]!;
    }
    return { value: map };
  }
  if (isMap(list)) return { error: `Expected ${v}, got a hash` };
  if (v === 'array') return { value: list };
  if (list.length > 1) return { error: `Expected ${v}, got ${JSON.stringify(list)}` };
  const first = list[0];
  switch (v) {
    case 'string':
    case 'password':
    case 'uri':
    case 'path':
    case 'codec':
      return { value: first === undefined ? null : first };
    case 'number':
      if (typeof first === 'bigint' || typeof first === 'number') return { value: first };
      if (typeof first === 'string' && /^-?\d+(\.\d+)?$/.test(first)) return { value: first.includes('.') ? Number(first) : BigInt(first) };
      return { error: `Expected number, got ${JSON.stringify(first)}` };
    case 'boolean':
      if (typeof first === 'boolean') return { value: first };
      if (first === 'true' || first === 'false') return { value: first === 'true' };
      return { error: `Expected boolean 'true' or 'false', got ${JSON.stringify(first)}` };
    case 'field_reference':
      if (first === undefined || first === null || first === '') return { value: null };
      if (typeof first !== 'string' || !isValidFieldReference(first)) return { error: `Expected a valid field reference, got \`${JSON.stringify(first)}\`` };
      return { value: first };
    case 'bytes': {
      // mixin.rb:572-578: an Integer, else Filesize.from ("10 MiB", "1mb": SI or binary units).
      if (typeof first === 'bigint') return { value: first };
      const m = typeof first === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kmgtpezy]?)(i?)b?\s*$/i.exec(first) : null;
      if (!m) return { error: `Unparseable filesize: ${String(first)}. possible units (KiB, MiB, ...) e.g. '10 KiB'.` };
      const power = ' kmgtpezy'.indexOf(m[2]!.toLowerCase() || ' ');
      return { value: BigInt(Math.floor(Number(m[1]) * (m[3] ? 1024 : 1000) ** power)) };
    }
  }
  return { error: `validator ${String(v)} is not modelled` };
}
