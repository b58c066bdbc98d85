import { esError, illegalArgument, type EsError } from '../es-failure.js';
import { javaParseDouble, JavaNumberError } from '../java/java-number-parse.js';
import { javaDoubleToString } from '../java/java-text.js';
import type { JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { FieldValueError, type ValueOutcome } from './field-errors.js';
import { geoPointFromString } from './geo-point-string.js';

type Point = { lat: number; lon: number };
const parseError = (reason: string): EsError => esError('parse_exception', reason); // ElasticsearchParseException

/**
 * geo_point: AbstractPointGeometryFieldMapper.PointParser#parse (whole arrays are handed over:
 * parsesArrayValue) with GeoUtils#parseGeoPoint → GenericPointParser#parsePoint for each
 * element, then GeoPointFieldMapper's validate. Errors raised while parsing one point go to the
 * malformed handler: ignored with ignore_malformed, else "failed to parse field [..] of type
 * [geo_point]". With ignore_malformed, out-of-range coordinates are normalized, not refused.
 * The [lon, lat] number-array form is parsed outside that handler, so its errors escape as
 * "failed to parse: ...".
 */
export function parseGeoPoint(field: FieldMapping, node: JsonNode): ValueOutcome {
  if (node.kind === 'null') return 'none';
  if (node.kind === 'array' && node.items[0]?.kind === 'number') return numberArray(field, node.items);
  const points = node.kind === 'array' ? node.items : [node];
  let ignored = false;
  for (const p of points) {
    if (p.kind === 'null') continue;
    const problem = pointProblem(field, p);
    if (problem === undefined) continue;
    if (!field.params.ignoreMalformed) throw new FieldValueError(problem, 'geo');
    ignored = true;
  }
  return ignored ? 'ignored' : 'indexed';
}

/**
 * PointParser#parse for `[lon, lat(, z)]`: read token by token outside the malformed handler,
 * so every error here escapes. A 4th number leaves the parser inside the array (the rest is
 * then read as further values of the field), which is not modelled.
 */
function numberArray(field: FieldMapping, items: readonly JsonNode[]): ValueOutcome {
  const lon = doubleOf(items[0]!, field.path);
  const lat = doubleOf(items[1], field.path);
  const third = items[2];
  if (third?.kind === 'number') {
    if (items.length > 3) throw new UnmodelledError('a geo_point array of more than 3 numbers', field.path, 'Elasticsearch reads past it inconsistently');
    if (!field.params.ignoreZValue) throw new FieldValueError(parseError(zError(Number(third.text))), 'uncaught');
  } else if (third !== undefined) throw new FieldValueError(parseError('field type does not accept > 3 dimensions'), 'uncaught');
  const problem = validate(field, { lat, lon }) ?? luceneRange(field, { lat, lon });
  if (problem) throw new FieldValueError(problem, 'uncaught');
  return 'indexed';
}

/** XContentParser#doubleValue (coerce on): numbers, numeric strings; anything else is Jackson's error. */
function doubleOf(n: JsonNode | undefined, where: string): number {
  if (n?.kind === 'number') return Number(n.text);
  if (n?.kind === 'string') {
    try {
      return javaParseDouble(n.value, where);
    } catch (e) {
      if (e instanceof JavaNumberError) throw new FieldValueError(esError(e.type, e.message), 'uncaught');
      throw e;
    }
  }
  const token = n === undefined ? 'END_ARRAY' : n.kind === 'object' ? 'START_OBJECT' : n.kind === 'array' ? 'START_ARRAY' : n.kind === 'null' ? 'VALUE_NULL' : n.value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  throw new FieldValueError(esError('x_content_parse_exception', `Current token (${token}) not numeric, can not use numeric value accessors`, undefined, true), 'uncaught');
}

/** Lucene GeoUtils#checkLatitude/checkLongitude, reached with NaN when ignore_malformed is off. */
function luceneRange(field: FieldMapping, p: Point): EsError | undefined {
  if (field.params.ignoreMalformed) return undefined;
  if (Number.isNaN(p.lat)) return illegalArgument('invalid latitude NaN; must be between -90.0 and 90.0', true);
  if (Number.isNaN(p.lon)) return illegalArgument('invalid longitude NaN; must be between -180.0 and 180.0', true);
  return undefined;
}

function pointProblem(field: FieldMapping, node: JsonNode): EsError | undefined {
  let point: Point;
  try {
    point = parsePoint(field, node);
  } catch (e) {
    if (e instanceof GeoProblem) return e.error;
    throw e;
  }
  return validate(field, point) ?? luceneRange(field, point);
}

class GeoProblem extends Error {
  constructor(readonly error: EsError) {
    super(error.reason);
  }
}

/** GenericPointParser#parsePoint (server/.../common/geo/GenericPointParser.java). */
function parsePoint(field: FieldMapping, node: JsonNode): Point {
  const fail = (reason: string): never => {
    throw new GeoProblem(parseError(reason));
  };
  if (node.kind === 'string') return geoPointFromString(node.value, field.params.ignoreZValue, fail, field.path);
  if (node.kind === 'array') {
    node.items.forEach((n, i) => {
      if (n.kind !== 'number') return fail('numeric value expected');
      if (i === 3) fail('[geo_point] field type does not accept > 3 dimensions');
      if (i === 2 && !field.params.ignoreZValue) fail(zError(Number(n.text)));
    });
    return { lon: num(node.items[0]), lat: num(node.items[1]) };
  }
  if (node.kind !== 'object') return fail('geo_point expected');
  const values: Record<string, JsonNode> = {};
  for (const { key, value } of node.entries) {
    if (!['lon', 'lat', 'z', 'type', 'coordinates', 'geohash'].includes(key)) fail(`field [${key}] not supported - must be one of: lon, lat, z, type, coordinates, geohash`);
    values[key] = value;
  }
  if (values.type || values.coordinates) fail('GeoJSON geo_point objects are not modelled');
  const coord = (key: 'lat' | 'lon') => {
    const v = values[key];
    if (v === undefined) return NaN;
    const label = key === 'lat' ? 'latitude' : 'longitude';
    if (v.kind === 'number') return Number(v.text);
    if (v.kind !== 'string') return fail(`${label} must be a number`);
    try {
      return javaParseDouble(v.value, field.path);
    } catch (e) {
      if (e instanceof JavaNumberError) return fail(`[${label}] must be a valid double value`);
      throw e;
    }
  };
  const lat = coord('lat');
  const lon = coord('lon');
  if (values.z !== undefined && !field.params.ignoreZValue) fail(zError(coord('lat')));
  const hash = values.geohash;
  if (hash) {
    if (hash.kind !== 'string') fail('[geohash] must be a string');
    if (!Number.isNaN(lat) || !Number.isNaN(lon)) fail('field must be either lat/lon, geohash string or type/coordinates');
    return geoPointFromString((hash as { value: string }).value, field.params.ignoreZValue, fail, field.path, true);
  }
  if (Number.isNaN(lat) !== Number.isNaN(lon)) fail(`Required [${Number.isNaN(lat) ? 'lat' : 'lon'}]`);
  if (Number.isNaN(lat)) fail('field must be either lat/lon, geohash string or type/coordinates');
  return { lat, lon };
}

function num(n: JsonNode | undefined): number {
  return n?.kind === 'number' ? Number(n.text) : NaN;
}

function zError(z: number): string {
  return `Exception parsing coordinates: found Z value [${javaDoubleToString(z)}] but [ignore_z_value] parameter is [false]`;
}

/** GeoPointFieldMapper.GeoPointParser#validate. */
function validate(field: FieldMapping, p: Point): EsError | undefined {
  if (!field.params.ignoreMalformed) {
    if (p.lat > 90 || p.lat < -90) return illegalArgument(`illegal latitude value [${javaDoubleToString(p.lat)}] for ${field.path}`);
    if (p.lon > 180 || p.lon < -180) return illegalArgument(`illegal longitude value [${javaDoubleToString(p.lon)}] for ${field.path}`);
    return undefined;
  }
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) return parseError('cannot normalize the point - not a number');
  return undefined; // GeoUtils#normalizePoint brings it into range
}
