import { javaParseDouble, JavaNumberError } from '../java/java-number-parse.js';
import { javaDoubleToString } from '../java/java-text.js';
import { UnmodelledError } from '../unmodelled-error.js';

type Point = { lat: number; lon: number };
/** Geohash#BASE_32_STRING. */
const BASE_32 = '0123456789bcdefghjkmnpqrstuvwxyz';

const javaTrim = (s: string) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
/** String#split(","): trailing empty strings are removed. */
const javaSplitComma = (s: string) => {
  const parts = s.split(',');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts[0] === '' && parts.length === 1 ? [] : parts;
};

/**
 * GeoPoint#resetFromString (server/.../common/geo/GeoPoint.java): WKT when the text contains
 * "point", "lat,lon[,z]" when it contains a comma, else a geohash (Geohash#mortonEncode checks at
 * most 12 symbols). Only `POINT (lon lat [z])` is modelled among WKT texts. `fail` raises the
 * ElasticsearchParseException the caller turns into a malformed value.
 */
export function geoPointFromString(value: string, ignoreZ: boolean, fail: (reason: string) => never, where: string, geohashOnly = false): Point {
  if (!geohashOnly && value.toLowerCase().includes('point')) return wktPoint(value, ignoreZ, fail, where);
  if (!geohashOnly && value.includes(',')) {
    const vals = javaSplitComma(value);
    // the format string has two placeholders and one argument (LoggerMessageFormat leaves the second)
    if (vals.length > 3) fail(`failed to parse [${vals.length}], expected 2 or 3 coordinates but found: [{}]`);
    const lat = parseOr(vals[0] ?? '', () => fail('latitude must be a number'), where);
    if (vals.length < 2) fail(`Index 1 out of bounds for length ${vals.length}`); // ArrayIndexOutOfBoundsException
    const lon = parseOr(vals[1]!, () => fail('longitude must be a number'), where);
    if (vals.length > 2) {
      const z = parseOr(vals[2]!, () => fail(`For input string: "${javaTrim(vals[2]!)}"`), where);
      if (!ignoreZ) fail(`Exception parsing coordinates: found Z value [${javaDoubleToString(z)}] but [ignore_z_value] parameter is [false]`);
    }
    return { lat, lon };
  }
  if (value === '') fail('empty geohash');
  for (const c of value.slice(0, 12)) if (!BASE_32.includes(c)) fail(`unsupported symbol [${c}] in geohash [${value}]`);
  return { lat: 0, lon: 0 }; // a valid geohash is always a point in range; its position does not matter here
}

function parseOr(text: string, onError: () => never, where: string): number {
  try {
    return javaParseDouble(javaTrim(text), where);
  } catch (e) {
    if (e instanceof JavaNumberError) return onError();
    throw e;
  }
}

/** WellKnownText#fromWKT for a POINT, through GeographyValidator (latitude/longitude ranges). */
function wktPoint(value: string, ignoreZ: boolean, fail: (reason: string) => never, where: string): Point {
  const m = /^\s*POINT\s*\(\s*(\S+)\s+(\S+)(?:\s+(\S+))?\s*\)\s*$/i.exec(value);
  if (/^\s*POINT\s+EMPTY\s*$/i.test(value)) throw new UnmodelledError('a WKT "POINT EMPTY" geo_point', where);
  if (!m) return fail('Invalid WKT format');
  const nums = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map((x) => parseOr(x, () => fail('Invalid WKT format'), where));
  if (nums.length === 3 && !ignoreZ) fail('Invalid WKT format');
  const [lon, lat] = nums as [number, number];
  if (lat > 90 || lat < -90 || lon > 180 || lon < -180) fail('Invalid WKT format'); // GeographyValidator
  return { lat, lon };
}
