import type { Attribute } from '../parser/ast.js';
import { UnmodelledError } from './filter-api.js';
import { isMap, newMap, type LsMap, type LsValue } from './value.js';

/**
 * A validator of LogStash::Config::Mixin (config/mixin.rb:413-606 at v8.17.4): a symbol, or a
 * list of allowed values (`:validate => ["previous", "next"]`).
 */
export type OptionValidator = 'string' | 'array' | 'hash' | 'boolean' | 'number' | 'codec' | 'field_reference' | 'bytes' | 'path' | 'password' | 'uri' | readonly string[];

/** `config :name, :validate => ..., :default => ..., ...` as a plugin declares it. */
export interface OptionSpec {
  /** Absent: any value, as written (mixin.rb:422). */
  validate?: OptionValidator;
  default?: LsValue;
  required?: boolean;
  /** `:list => true`: a scalar becomes a one-element list, each item validated (mixin.rb:324-333). */
  list?: boolean;
  /** Logstash refuses the option (mixin.rb:136-142). */
  obsolete?: string;
  /** Logstash accepts it with a deprecation warning (mixin.rb:121-134). */
  deprecated?: string | true;
  /** Logstash accepts it but the engine does not model it: setting it is an UnmodelledError saying this. */
  unmodelled?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Where an option (or the plugin) is written: `monitoring/logstash/pipeline/logstash.conf:71:9`. */
export interface OptionSite {
  where: string;
  attribute?: Attribute;
}

/**
 * A plugin's options after config_init: every declared option with its validated value or its
 * default, and where each written option sits in the config.
 */
export class PluginOptions {
  constructor(
    /** The plugin name as written (`grok`). */
    readonly plugin: string,
    /** file:line:col of the plugin itself. */
    readonly where: string,
    private readonly values: ReadonlyMap<string, LsValue>,
    private readonly sites: ReadonlyMap<string, OptionSite> = new Map(),
  ) {}

  /** Options built by hand, for unit tests of a plugin (no validation, no positions). */
  static of(plugin: string, values: Record<string, LsValue>, where = `(test ${plugin})`): PluginOptions {
    return new PluginOptions(plugin, where, new Map(Object.entries(values)));
  }

  /** The option's value (its default when not written), undefined when it has neither. */
  get(name: string): LsValue | undefined {
    return this.values.get(name);
  }

  /** Whether the config writes the option (a default does not count). */
  isSet(name: string): boolean {
    return this.sites.has(name) || (this.sites.size === 0 && this.values.has(name));
  }

  /** file:line:col of the option as written, or of the plugin when it is not written. */
  whereOf(name: string): string {
    return this.sites.get(name)?.where ?? this.where;
  }

  attribute(name: string): Attribute | undefined {
    return this.sites.get(name)?.attribute;
  }

  string(name: string): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.typeError(name, 'a string', value);
    return value;
  }

  boolean(name: string): boolean {
    const value = this.get(name);
    if (typeof value !== 'boolean') throw this.typeError(name, 'true or false', value);
    return value;
  }

  /** A number option: an Integer (bigint) or a Float (number), as Logstash keeps it. */
  number(name: string): bigint | number | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'bigint' && typeof value !== 'number') throw this.typeError(name, 'a number', value);
    return value;
  }

  /** An array option ([] when unset). */
  array(name: string): LsValue[] {
    const value = this.get(name);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw this.typeError(name, 'an array', value);
    return value;
  }

  /** An array option whose items must all be strings. */
  strings(name: string): string[] {
    return this.array(name).map((item) => {
      if (typeof item !== 'string') throw this.typeError(name, 'strings', item);
      return item;
    });
  }

  /** A hash option (an empty hash when unset); keys keep the order they are written in. */
  hash(name: string): LsMap {
    const value = this.get(name);
    if (value === undefined || value === null) return newMap();
    if (!isMap(value)) throw this.typeError(name, 'a hash', value);
    return value;
  }

  /** Throws UnmodelledError at the option's line: `what` says what the engine lacks. */
  unmodelled(name: string, what: string): never {
    throw new UnmodelledError(`${this.plugin} option "${name}": ${what}`, name, this.whereOf(name));
  }

  private typeError(name: string, expected: string, value: LsValue | undefined): Error {
    return new UnmodelledError(`${this.plugin} option "${name}" should be ${expected} here, got ${String(value)}`, name, this.whereOf(name));
  }
}
