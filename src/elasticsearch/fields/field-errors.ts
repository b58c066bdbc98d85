import { esError, type EsError } from '../es-failure.js';
import { locText, type JsonNode } from '../json/json-node.js';

/**
 * A value a field mapper refused. The document parser decides the outer error from the kind:
 *  - `field`: FieldMapper#parse caught it and rethrew "failed to parse field [..] of type [..]
 *    in document with id '..'. Preview of field's value: '..'" (FieldMapper.java,
 *    rethrowAsDocumentParsingException);
 *  - `geo`: AbstractGeometryFieldMapper#parse's malformed handler threw "failed to parse field
 *    [..] of type [geo_point]";
 *  - `uncaught`: nothing caught it inside the mapper, so DocumentParser#internalParseDocument
 *    wrapped it as "failed to parse: <message>".
 */
export class FieldValueError extends Error {
  constructor(
    readonly error: EsError,
    readonly wrap: 'field' | 'geo' | 'uncaught' = 'field',
  ) {
    super(error.reason);
    this.name = 'FieldValueError';
  }
}

/** XContentParser#text on an object or array: JsonXContentParser#throwOnNoText (an IllegalStateException). */
export function noTextError(node: JsonNode): FieldValueError {
  const token = node.kind === 'array' ? 'START_ARRAY' : 'START_OBJECT';
  return new FieldValueError(esError('illegal_state_exception', `Can't get text on a ${token} at ${locText(node.loc)}`));
}

/**
 * A Jackson JsonParseException surfaced as XContentParseException ("[l:c] " + Jackson's message).
 * Jackson appends "\n at [Source: ...]", quoting the request, which is not reproduced.
 */
export function jacksonError(node: JsonNode, message: string): EsError {
  return esError('x_content_parse_exception', `[${locText(node.loc)}] ${message}`, undefined, true);
}

/** XContentParser#textOrNull on a scalar: strings as is, numbers as written, booleans as true/false. */
export function scalarText(node: JsonNode): string | null {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return null;
    default:
      throw noTextError(node);
  }
}

/** What happened to a value that was not refused. */
export type ValueOutcome = 'indexed' | 'ignored' | 'none';

/** True for the tokens XContentParser.Token#isValue calls values (not objects, arrays or null). */
export function isValueToken(node: JsonNode): boolean {
  return node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean';
}
