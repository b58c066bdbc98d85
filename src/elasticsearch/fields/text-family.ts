import type { JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { scalarText, type ValueOutcome } from './field-errors.js';

/**
 * text (TextFieldMapper), match_only_text (x-pack mapper-extras MatchOnlyTextFieldMapper) and
 * wildcard (x-pack wildcard WildcardFieldMapper#parseCreateField): each reads
 * `parser.textOrNull()`, so any scalar is taken as its text and an object fails with
 * "Can't get text on a START_OBJECT". None has ignore_malformed. Text is analyzed (the standard
 * tokenizer cuts tokens at 255 chars) and wildcard indexes 3-grams, so no length limit applies;
 * wildcard skips values longer than its `ignore_above` and records the field in `_ignored`.
 */
export function parseTextFamily(field: FieldMapping, node: JsonNode): ValueOutcome {
  const value = scalarText(node);
  if (value === null) return 'none';
  if (field.type === 'wildcard' && value.length > field.params.ignoreAbove) return 'ignored';
  return 'indexed';
}
