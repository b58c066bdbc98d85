import { illegalArgument, type EsError } from '../es-failure.js';
import { jacksonTokenName, type JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { FieldValueError, isValueToken, jacksonError, type ValueOutcome } from './field-errors.js';

/**
 * BooleanFieldMapper#parseCreateField → XContentParser#booleanValue
 * (libs/x-content/.../support/AbstractXContentParser.java): a string goes through
 * Booleans#parseBoolean(char[], offset, length, false) — "" is false, "true"/"false" are
 * themselves, anything else is "Failed to parse value [..] as only [true] or [false] are
 * allowed."; other tokens go to Jackson's getBooleanValue ("Current token (..) not of boolean
 * type"). boolean supports ignore_malformed since 8.8 (docs: mapping-params ignore_malformed),
 * for value tokens only.
 */
export function parseBoolean(field: FieldMapping, node: JsonNode): ValueOutcome {
  if (node.kind === 'null') return 'none';
  let cause: EsError | undefined;
  if (node.kind === 'string') {
    if (node.value !== '' && node.value !== 'true' && node.value !== 'false') {
      cause = illegalArgument(`Failed to parse value [${node.value}] as only [true] or [false] are allowed.`);
    }
  } else if (node.kind !== 'boolean') {
    cause = jacksonError(node, `Current token (${jacksonTokenName(node)}) not of boolean type`);
  }
  if (cause === undefined) return 'indexed';
  if (field.params.ignoreMalformed && isValueToken(node)) return 'ignored';
  throw new FieldValueError(cause);
}
