import { illegalArgument } from '../es-failure.js';
import { javaByteArrayToString } from '../java/java-text.js';
import { tokenName, type JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { FieldValueError, isValueToken, scalarText, type ValueOutcome } from './field-errors.js';

/** IndexWriter.MAX_TERM_LENGTH (Lucene): the largest term, in UTF-8 bytes. */
export const MAX_TERM_LENGTH = 32766;

/**
 * KeywordFieldMapper#parseCreateField and #indexValue (server/.../index/mapper/KeywordFieldMapper.java,
 * read at 8.16): only values and null are accepted ("Encountered unexpected token [..]."
 * otherwise); a value longer than `ignore_above` UTF-16 chars is not indexed and the field goes to
 * `_ignored`; a field neither indexed, stored nor with doc values writes nothing; any other value
 * over 32766 UTF-8 bytes fails the preflight check that mirrors Lucene's "immense term" error.
 * The canonical template gives every keyword an ignore_above (8191 = 32766 / 4, so no value it
 * indexes can reach the byte limit; 1024 elsewhere): audit 3.10, README "Template limits".
 */
export function parseKeyword(field: FieldMapping, node: JsonNode): ValueOutcome {
  if (!isValueToken(node) && node.kind !== 'null') {
    throw new FieldValueError(illegalArgument(`Encountered unexpected token [${tokenName(node)}].`));
  }
  const value = scalarText(node);
  if (value === null) return 'none'; // null_value is not modelled (the parser refuses it)
  if (value.length > field.params.ignoreAbove) return 'ignored';
  const { index, store, docValues } = field.params;
  if (!index && !store && !docValues) return 'indexed';
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > MAX_TERM_LENGTH) {
    throw new FieldValueError(
      illegalArgument(
        `Document contains at least one immense term in field="${field.path}" (whose UTF8 encoding is longer than the max length ${MAX_TERM_LENGTH}), ` +
          `all of which were skipped. Please correct the analyzer to not produce such terms. The prefix of the first immense term is: '${javaByteArrayToString(bytes.subarray(0, 30))}...'`,
      ),
    );
  }
  return 'indexed';
}
