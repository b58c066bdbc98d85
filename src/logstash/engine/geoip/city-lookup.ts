import type { CityResponse } from 'mmdb-lib';
import { newMap, type LsValue } from '../value.js';
import type { Field } from './geoip-fields.js';

/**
 * GeoIPFilter#retrieveCityGeoData (logstash-filter-geoip v7.3.1 GeoIPFilter.java:235-351) on a
 * record of the City database: names in English (geoip2-java's default locale list), the most
 * specific subdivision (the last one), nothing at all when the location has neither latitude
 * nor longitude. Values keep Java's types: metro_code is an Integer, coordinates are Doubles.
 */
export function cityGeoData(response: CityResponse, hostAddress: string, desired: readonly Field[]): Map<Field, LsValue> {
  const data = new Map<Field, LsValue>();
  const location = response.location;
  if (location?.latitude === undefined && location?.longitude === undefined) return data;
  const subdivisions = response.subdivisions ?? [];
  const subdivision = subdivisions[subdivisions.length - 1];
  const put = (field: Field, value: LsValue | undefined) => {
    if (value !== undefined && value !== null) data.set(field, value);
  };
  for (const field of desired) {
    switch (field) {
      case 'CITY_NAME':
        put(field, response.city?.names?.en);
        break;
      case 'CONTINENT_CODE':
        put(field, response.continent?.code);
        break;
      case 'CONTINENT_NAME':
        put(field, response.continent?.names?.en);
        break;
      case 'COUNTRY_NAME':
        put(field, response.country?.names?.en);
        break;
      case 'COUNTRY_CODE2':
      case 'COUNTRY_CODE3': // both the two-letter iso_code (:282-293)
        put(field, response.country?.iso_code);
        break;
      case 'IP':
        put(field, hostAddress);
        break;
      case 'POSTAL_CODE':
        put(field, response.postal?.code);
        break;
      case 'DMA_CODE':
        put(field, location?.metro_code === undefined ? undefined : BigInt(location.metro_code));
        break;
      case 'REGION_NAME':
        put(field, subdivision?.names?.en);
        break;
      case 'REGION_CODE':
        put(field, subdivision?.iso_code);
        break;
      case 'REGION_ISO_CODE': // parseRegionIsoCodeField (:665-673)
        if (response.country?.iso_code && subdivision?.iso_code) put(field, `${response.country.iso_code}-${subdivision.iso_code}`);
        break;
      case 'TIMEZONE':
        put(field, location?.time_zone);
        break;
      case 'LOCATION': // parseLocationField (:652-663)
        if (location?.latitude !== undefined && location?.longitude !== undefined)
          put(
            field,
            newMap([
              ['lat', location.latitude],
              ['lon', location.longitude],
            ]),
          );
        break;
      case 'LATITUDE':
        put(field, location?.latitude);
        break;
      case 'LONGITUDE':
        put(field, location?.longitude);
        break;
      default: // fields of other database types: the City switch ignores them (:256-348)
        break;
    }
  }
  return data;
}
