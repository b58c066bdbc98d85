import { DEFAULT_SETTINGS } from '../../../src/elasticsearch/mapping/index-settings.js';
import { defaultParams } from '../../../src/elasticsearch/mapping/dynamic-fields.js';
import type { FieldMapping, FieldParams, FieldType } from '../../../src/elasticsearch/mapping/mapping-types.js';
import { parseJackson } from '../../../src/elasticsearch/json/jackson-json-parser.js';
import type { JsonNode } from '../../../src/elasticsearch/json/json-node.js';
import { FieldValueError } from '../../../src/elasticsearch/fields/field-errors.js';

/** A field as a template would declare it, for the field parsers' tests. */
export function fieldOf(type: FieldType, params: Partial<FieldParams> = {}, path = 'f'): FieldMapping {
  return { kind: 'field', name: path, path, type, params: { ...defaultParams(DEFAULT_SETTINGS), ...params }, multiFields: new Map() };
}

/** The value node of `{"f": <json>}`. */
export function jsonValue(json: string): JsonNode {
  const root = parseJackson(`{"f":${json}}`).root;
  if (root.kind !== 'object') throw new Error('object expected');
  return root.entries[0]!.value;
}

/** The refusal a parser throws, or undefined. */
export function refusal(run: () => unknown): FieldValueError | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof FieldValueError) return e;
    throw e;
  }
}
