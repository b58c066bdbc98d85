import type { LsEvent } from '../event-api.js';
import type { FilterContext, FilterDefinition, FilterPlugin, PluginEnvironment } from '../filter-api.js';
import type { PluginOptions } from '../plugin-options.js';
import { newMap, type LsValue } from '../value.js';
import { cityGeoData } from './city-lookup.js';
import { cityDefaultFields, fieldReference, parseField, sortFields, type Field } from './geoip-fields.js';
import { bundledCityDatabase, type CityDatabase } from './geolite2-database.js';
import { getByName } from './java-inet-address.js';

const source = 'logstash-filter-geoip v7.3.1 lib/logstash/filters/geoip.rb + src/main/java/org/logstash/filters/geoip';

/** geoip.rb:43-94 (and the ECS mixin's ecs_compatibility). */
export const geoipFilter: FilterDefinition = {
  name: 'geoip',
  source,
  options: {
    database: { validate: 'path', unmodelled: 'the engine reads only its bundled GeoLite2-City database (src/logstash/engine/geoip/DATABASE.md)' },
    default_database_type: { validate: ['City', 'ASN'], default: 'City' },
    source: { validate: 'string', required: true },
    fields: { validate: 'array' },
    target: { validate: 'string' },
    cache_size: { validate: 'number', default: 1000n },
    tag_on_failure: { validate: 'array', default: ['_geoip_lookup_failure'] },
    ecs_compatibility: { validate: ['disabled', 'v1', 'v8'] },
  },
  create: (options, env) => GeoipFilter.create(options, env),
};

/** The plugin's configuration error: the pipeline would not start. */
export class GeoipConfigError extends Error {
  constructor(
    message: string,
    readonly option: string,
  ) {
    super(message);
    this.name = 'GeoipConfigError';
  }
}

/**
 * LogStash::Filters::GeoIP (geoip.rb:107-127) over GeoIPFilter.java with the City database.
 * cache_size changes nothing observable (a lookup cache) and is accepted.
 */
export class GeoipFilter implements FilterPlugin {
  private constructor(
    private readonly sourceField: string,
    private readonly target: string,
    private readonly ecs: boolean,
    private readonly desired: readonly Field[],
    private readonly tagOnFailure: readonly string[],
    private readonly database: CityDatabase,
  ) {}

  static create(options: PluginOptions, env: PluginEnvironment, database: () => CityDatabase = bundledCityDatabase): GeoipFilter {
    if (options.string('default_database_type') === 'ASN') {
      options.unmodelled('default_database_type', 'the ASN database is not bundled with the engine (only GeoLite2-City)');
    }
    const ecs = (options.string('ecs_compatibility') ?? env.ecsCompatibility) !== 'disabled';
    const sourceField = options.string('source')!;
    let target = options.string('target');
    if (target === undefined) {
      // setup_target_field / auto_target_from_source! (geoip.rb:129-145)
      if (!ecs) target = 'geoip';
      else if (sourceField.endsWith('[ip]') && sourceField.length > 4) target = sourceField.slice(0, -4);
      else throw new GeoipConfigError('GeoIP Filter in ECS-Compatiblity mode requires a `target` when `source` is not an `ip` sub-field, eg. [client][ip]', 'target');
    }
    let desired: Field[];
    try {
      const listed = options.strings('fields');
      desired = listed.length > 0 ? sortFields(listed.map(parseField)) : cityDefaultFields(ecs);
    } catch (error) {
      throw new GeoipConfigError((error as Error).message, 'fields');
    }
    const db = database();
    // Database.fromDatabaseType (Database.java:102-124): this engine only opens City databases.
    if (!db.databaseType.includes('City')) throw new GeoipConfigError(`database type ${db.databaseType} is not a City database`, 'database');
    return new GeoipFilter(sourceField, target, ecs, desired, options.strings('tag_on_failure'), db);
  }

  /** geoip.rb:113-127 and GeoIPFilter#handleEvent (GeoIPFilter.java:147-233). */
  filter(event: LsEvent, ctx: FilterContext): void {
    if (this.handleEvent(event)) ctx.matched();
    else for (const tag of this.tagOnFailure) event.tag(tag);
  }

  private handleEvent(event: LsEvent): boolean {
    const input = event.get(this.sourceField);
    if (input === undefined || input === null) return false;
    let ip: string;
    if (Array.isArray(input)) {
      // (String) list.get(0): an empty list or a non-string throws, and Logstash's worker dies.
      if (typeof input[0] !== 'string')
        throw new Error(`java.lang.${input.length === 0 ? 'IndexOutOfBoundsException' : 'ClassCastException'}: geoip source ${this.sourceField} is a list whose first element is not a string`);
      ip = input[0];
    } else if (typeof input === 'string') ip = input;
    else throw new Error('java.lang.IllegalArgumentException: Expected input field value to be String or List type');
    if (javaTrim(ip) === '') return false;

    let data = new Map<Field, LsValue>();
    const address = getByName(ip);
    if (address.kind === 'address') {
      const response = this.database.city(address.lookup);
      // A null record is AddressNotFoundException (private and unknown ranges): logged at debug only.
      if (response) data = cityGeoData(response, address.hostAddress, this.desired);
    }
    // applyGeoData (:208-233): the target is created, empty, even when nothing was found.
    if (event.get(this.target) === undefined || event.get(this.target) === null) event.set(this.target, newMap());
    if (data.size === 0) return false;
    for (const [field, value] of data) {
      const sub = fieldReference(field, this.ecs);
      if (sub === '[]') continue; // country_code3 has no ECS name
      event.set(`[${this.target}]${sub}`, value);
    }
    return true;
  }

  close(): void {}
}

/** String#trim: strips every char up to U+0020 at both ends. */
function javaTrim(text: string): string {
  return text.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}
