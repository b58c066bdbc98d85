/**
 * A JSON document as Jackson's streaming parser (the one Elasticsearch 8.17 reads documents
 * with) would present it: every token keeps its location, numbers keep their text and whether
 * they were integer or floating-point tokens (VALUE_NUMBER_INT vs VALUE_NUMBER_FLOAT), and
 * object entries keep their order.
 */

/**
 * Jackson's token location: 1-based line, and 1-based column counted in UTF-8 bytes, because
 * Elasticsearch hands Jackson the request bytes (UTF8StreamJsonParser#_updateLocation:
 * `_tokenInputCol = _inputPtr - _currInputRowStart`, taken just after the token's first byte).
 * XContentLocation prints it as `line:column`.
 */
export interface Loc {
  readonly line: number;
  readonly column: number;
}

export function locText(loc: Loc): string {
  return `${loc.line}:${loc.column}`;
}

export interface JsonEntry {
  readonly key: string;
  readonly keyLoc: Loc;
  readonly value: JsonNode;
}

export type JsonNode =
  | { readonly kind: 'object'; readonly entries: readonly JsonEntry[]; readonly loc: Loc; readonly end: Loc }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly loc: Loc; readonly end: Loc }
  | { readonly kind: 'string'; readonly value: string; readonly loc: Loc }
  | { readonly kind: 'number'; readonly text: string; readonly integer: boolean; readonly loc: Loc }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly loc: Loc }
  | { readonly kind: 'null'; readonly loc: Loc };

/** XContentParser.Token names, used in Elasticsearch's messages ("Encountered unexpected token [START_OBJECT]."). */
export function tokenName(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'START_OBJECT';
    case 'array':
      return 'START_ARRAY';
    case 'string':
      return 'VALUE_STRING';
    case 'number':
      return 'VALUE_NUMBER';
    case 'boolean':
      return 'VALUE_BOOLEAN';
    case 'null':
      return 'VALUE_NULL';
  }
}

/** Jackson's JsonToken names, used in its own messages ("Current token (VALUE_TRUE) not numeric"). */
export function jacksonTokenName(node: JsonNode): string {
  switch (node.kind) {
    case 'number':
      return node.integer ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
    case 'boolean':
      return node.value ? 'VALUE_TRUE' : 'VALUE_FALSE';
    default:
      return tokenName(node);
  }
}

/** The location XContentParser#getTokenLocation reports after the value has been read whole. */
export function endLoc(node: JsonNode): Loc {
  return node.kind === 'object' || node.kind === 'array' ? node.end : node.loc;
}
