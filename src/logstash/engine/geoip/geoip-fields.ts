/**
 * The fields of logstash-filter-geoip v7.3.1 (src/main/java/org/logstash/filters/geoip/Field.java
 * :26-55), in enum order: the order the filter writes them (EnumSet / EnumMap iteration).
 * ECS names are written under `[target]`; an empty ECS name (country_code3) is skipped.
 */
export const fields = [
  ['AUTONOMOUS_SYSTEM_NUMBER', 'as.number', 'asn'],
  ['AUTONOMOUS_SYSTEM_ORGANIZATION', 'as.organization.name', 'as_org'],
  ['CITY_NAME', 'geo.city_name', 'city_name'],
  ['COUNTRY_NAME', 'geo.country_name', 'country_name'],
  ['CONTINENT_CODE', 'geo.continent_code', 'continent_code'],
  ['CONTINENT_NAME', 'geo.continent_name', 'continent_name'],
  ['COUNTRY_CODE2', 'geo.country_iso_code', 'country_code2'],
  ['COUNTRY_CODE3', '', 'country_code3'],
  ['DOMAIN', 'domain', 'domain'],
  ['IP', 'ip', 'ip'],
  ['ISP', 'mmdb.isp', 'isp'],
  ['POSTAL_CODE', 'geo.postal_code', 'postal_code'],
  ['DMA_CODE', 'mmdb.dma_code', 'dma_code'],
  ['REGION_NAME', 'geo.region_name', 'region_name'],
  ['REGION_CODE', 'geo.region_code', 'region_code'],
  ['REGION_ISO_CODE', 'geo.region_iso_code', 'region_iso_code'],
  ['TIMEZONE', 'geo.timezone', 'timezone'],
  ['LOCATION', 'geo.location', 'location'],
  ['LATITUDE', 'geo.location.lat', 'latitude'],
  ['LONGITUDE', 'geo.location.lon', 'longitude'],
  ['ORGANIZATION', 'mmdb.organization', 'organization'],
  ['NETWORK', 'ip_traits.network', 'network'],
  ['HOSTING_PROVIDER', 'ip_traits.hosting_provider', 'hosting_provider'],
  ['TOR_EXIT_NODE', 'ip_traits.tor_exit_node', 'tor_exit_node'],
  ['ANONYMOUS_VPN', 'ip_traits.anonymous_vpn', 'anonymous_vpn'],
  ['ANONYMOUS', 'ip_traits.anonymous', 'anonymous'],
  ['PUBLIC_PROXY', 'ip_traits.public_proxy', 'public_proxy'],
  ['RESIDENTIAL_PROXY', 'ip_traits.residential_proxy', 'residential_proxy'],
] as const;

export type Field = (typeof fields)[number][0];
const order = new Map<Field, number>(fields.map(([f], i) => [f, i]));

/** Database.java:9-27: the City database's default fields (ECS disabled: REGION_CODE for REGION_ISO_CODE, GeoIPFilter.java:134-145). */
export function cityDefaultFields(ecs: boolean): Field[] {
  const base: Field[] = [
    'IP',
    'CITY_NAME',
    'CONTINENT_CODE',
    'COUNTRY_NAME',
    'COUNTRY_CODE2',
    'COUNTRY_CODE3',
    'POSTAL_CODE',
    'DMA_CODE',
    'REGION_NAME',
    'REGION_ISO_CODE',
    'TIMEZONE',
    'LOCATION',
    'LATITUDE',
    'LONGITUDE',
  ];
  return sortFields(ecs ? base : [...base.filter((f) => f !== 'REGION_ISO_CODE'), 'REGION_CODE']);
}

export function sortFields(list: readonly Field[]): Field[] {
  return [...new Set(list)].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Field.parseField (:92-100): case-insensitive; anything else refuses the configuration. */
export function parseField(value: string): Field {
  const candidate = value.toUpperCase();
  if (order.has(candidate as Field)) return candidate as Field;
  throw new Error(`illegal field value ${value}. valid values are [${fields.map(([f]) => f).join(', ')}]`);
}

/** normalizeFieldReferenceFragment (:107-111): `geo.location.lat` → `[geo][location][lat]`; "" → "[]". */
export function fieldReference(field: Field, ecs: boolean): string {
  const entry = fields[order.get(field)!]!;
  return (ecs ? entry[1] : entry[2])
    .split('.')
    .map((f) => `[${f}]`)
    .join('');
}
