import { describe, expect, it } from 'vitest';
import { parseGeoPoint } from './geo-point.js';
import { fieldOf, refusal, jsonValue } from '../../../tests/support/elasticsearch/test-fields.js';

const geo = (json: string, params = {}) => parseGeoPoint(fieldOf('geo_point', params, 'client.geo.location'), jsonValue(json));

describe('geo_point (PointParser, GenericPointParser, GeoPoint#resetFromString)', () => {
  it('accepts {lat, lon} (numbers or numeric strings), "lat,lon", [lon, lat], a geohash, WKT POINT and arrays of points', () => {
    const ok = [
      '{"lat":48.85,"lon":2.35}',
      '{"lat":"48.85","lon":"2.35"}',
      '"48.85,2.35"',
      '"48.85, 2.35, 10"',
      '[2.35,48.85]',
      '[2.35,48.85,10]',
      '"u09tvw0f6szy"',
      '"POINT (2.35 48.85)"',
      '[{"lat":1,"lon":2},"1,2",[3,4]]',
      '{"geohash":"u09"}',
    ];
    expect(ok.filter((v) => geo(v) !== 'indexed')).toEqual([]);
  });

  it('refuses a malformed point as "failed to parse field [..] of type [geo_point]" (the malformed handler)', () => {
    for (const [v, reason] of [
      ['{"lat":1}', 'Required [lon]'],
      ['{"latitude":1,"lon":2}', 'field [latitude] not supported - must be one of: lon, lat, z, type, coordinates, geohash'],
      ['"u09!"', 'unsupported symbol [!] in geohash [u09!]'],
      ['"x,2"', 'latitude must be a number'],
      ['true', 'geo_point expected'],
      ['{"lat":91,"lon":2}', 'illegal latitude value [91.0] for client.geo.location'],
    ] as const) {
      const e = refusal(() => geo(v));
      expect([e?.wrap, e?.error.reason]).toEqual(['geo', reason]);
    }
  });

  it('with ignore_malformed ignores malformed points and normalizes out-of-range ones', () => {
    expect(geo('{"lat":91,"lon":2}', { ignoreMalformed: true })).toBe('indexed');
    expect(geo('"u09!"', { ignoreMalformed: true })).toBe('ignored');
  });

  it('lets errors of the [lon, lat] number form escape the malformed handler (parsed outside parseAndConsumeFromObject)', () => {
    expect(refusal(() => geo('[1,2,"x"]', { ignoreMalformed: true }))).toMatchObject({ wrap: 'uncaught', error: { reason: 'field type does not accept > 3 dimensions' } });
    expect(refusal(() => geo('[1,95]'))).toMatchObject({ wrap: 'uncaught', error: { reason: 'illegal latitude value [95.0] for client.geo.location' } });
  });
});
