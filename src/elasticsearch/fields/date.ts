import { illegalArgument } from '../es-failure.js';
import type { JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { parsesEpochMillis, parsesStrictDateOptionalTime } from './date-formats.js';
import { FieldValueError, scalarText, type ValueOutcome } from './field-errors.js';

const FORMAT = 'strict_date_optional_time||epoch_millis';

/**
 * DateFieldMapper#parseCreateField (server/.../index/mapper/DateFieldMapper.java): the value is
 * `parser.textOrNull()` (numbers by their JSON text, so 1732608000000 is epoch millis and
 * 1732608000 is read as millis too), outside the try, so an object is always refused; a text
 * no format of `strict_date_optional_time||epoch_millis` parses (JavaDateFormatter#parse:
 * "failed to parse date field [..] with format [..]", or "cannot parse empty datetime") is
 * ignored when ignore_malformed is on.
 */
export function parseDate(field: FieldMapping, node: JsonNode): ValueOutcome {
  const text = scalarText(node);
  if (text === null) return 'none';
  let problem: string | undefined;
  if (text === '') problem = 'cannot parse empty datetime';
  else if (!parsesStrictDateOptionalTime(text, field.path) && !parsesEpochMillis(text, field.path)) {
    problem = `failed to parse date field [${text}] with format [${FORMAT}]`;
  }
  if (problem === undefined) return 'indexed';
  if (field.params.ignoreMalformed) return 'ignored';
  throw new FieldValueError(illegalArgument(problem));
}
