import type { JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { parseBoolean } from './boolean.js';
import { parseDate } from './date.js';
import type { ValueOutcome } from './field-errors.js';
import { parseGeoPoint } from './geo-point.js';
import { parseIp } from './ip.js';
import { parseKeyword } from './keyword.js';
import { parseNumeric } from './numeric.js';
import { parseTextFamily } from './text-family.js';

/**
 * One field mapper's parseCreateField for the current token. Throws FieldValueError when the
 * mapper refuses the value; returns 'ignored' when it drops it into `_ignored` (ignore_above,
 * ignore_malformed).
 */
export function parseFieldValue(field: FieldMapping, node: JsonNode): ValueOutcome {
  switch (field.type) {
    case 'keyword':
      return parseKeyword(field, node);
    case 'text':
    case 'match_only_text':
    case 'wildcard':
      return parseTextFamily(field, node);
    case 'long':
    case 'float':
      return parseNumeric(field, node);
    case 'date':
      return parseDate(field, node);
    case 'ip':
      return parseIp(field, node);
    case 'geo_point':
      return parseGeoPoint(field, node);
    case 'boolean':
      return parseBoolean(field, node);
  }
}

/**
 * FieldMapper#parsesArrayValue: geo_point takes a whole array (a [lon, lat] pair or a list of
 * points). keyword is treated per element, as its reference documentation describes
 * (ignore_above "applied for each array element separately"); 8.16's source briefly parsed
 * keyword arrays whole, which differs only for nested arrays (see the README draft).
 */
export function parsesArrayValue(field: FieldMapping): boolean {
  return field.type === 'geo_point';
}
