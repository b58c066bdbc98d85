import { esError, illegalArgument, type EsError } from '../es-failure.js';
import { esStringToLong, isLongRange, JavaNumberError, javaParseFloat } from '../java/java-number-parse.js';
import { javaDoubleToString } from '../java/java-text.js';
import { jacksonTokenName, type JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { FieldValueError, isValueToken, jacksonError, type ValueOutcome } from './field-errors.js';

const LONG_RANGE = '(-9223372036854775808 - 9223372036854775807)';

/**
 * NumberFieldMapper#parseCreateField / #value (server/.../index/mapper/NumberFieldMapper.java):
 * null and, with coerce, the empty string index nothing; an object fails "Cannot parse object
 * as number" and is never ignored (ignore_malformed needs `currentToken().isValue()`); any other
 * IllegalArgumentException (NumberFormatException, Jackson's XContentParseException) is ignored
 * when ignore_malformed is on and the field goes to `_ignored`.
 */
export function parseNumeric(field: FieldMapping, node: JsonNode): ValueOutcome {
  if (node.kind === 'null') return 'none';
  if (node.kind === 'string' && node.value === '' && field.params.coerce) return 'none';
  if (node.kind === 'object' || node.kind === 'array') throw new FieldValueError(illegalArgument('Cannot parse object as number'));
  const cause = field.type === 'long' ? longProblem(field, node) : floatProblem(field, node);
  if (cause === undefined) return 'indexed';
  if (field.params.ignoreMalformed && isValueToken(node)) return 'ignored';
  throw new FieldValueError(cause);
}

/** NumberType.LONG#parse(parser, coerce) → XContentParser#longValue(coerce). */
function longProblem(field: FieldMapping, node: JsonNode): EsError | undefined {
  if (node.kind === 'string') {
    if (!field.params.coerce) return illegalArgument('Long value passed as String'); // AbstractXContentParser#checkCoerceString
    return javaCause(() => esStringToLong(node.value, field.path));
  }
  if (node.kind === 'boolean') return jacksonError(node, `Current token (${jacksonTokenName(node)}) not numeric, can not use numeric value accessors`);
  if (node.kind !== 'number') return undefined;
  // Jackson ParserBase#getLongValue: an int token beyond a long, or a float token whose double
  // is beyond it (convertNumberToLong), raises InputCoercionException quoting the token text.
  if (node.integer) {
    if (!isLongRange(BigInt(node.text))) return jacksonError(node, `Numeric value (${node.text}) out of range of long ${LONG_RANGE}`);
    return undefined;
  }
  const d = Number(node.text);
  // Java compares a double with (double) Long.MIN_VALUE / MAX_VALUE, which are -2^63 and 2^63 exactly.
  if (d < -(2 ** 63) || d > 2 ** 63) return jacksonError(node, `Numeric value (${node.text}) out of range of long ${LONG_RANGE}`);
  if (!field.params.coerce && !Number.isInteger(d)) {
    // AbstractXContentParser#ensureNumberConversion
    return illegalArgument(`${javaDoubleToString(d)} cannot be converted to Long without data loss`);
  }
  return undefined;
}

/** NumberType.FLOAT#parse(parser, coerce): floatValue(coerce), then validateFiniteValue. */
function floatProblem(field: FieldMapping, node: JsonNode): EsError | undefined {
  let value: number;
  if (node.kind === 'string') {
    if (!field.params.coerce) return illegalArgument('Float value passed as String');
    try {
      value = javaParseFloat(node.value, field.path);
    } catch (e) {
      if (e instanceof JavaNumberError) return esError(e.type, e.message);
      throw e;
    }
  } else if (node.kind === 'boolean') {
    return jacksonError(node, `Current token (${jacksonTokenName(node)}) not numeric, can not use numeric value accessors`);
  } else if (node.kind === 'number') {
    value = Math.fround(Number(node.integer ? BigInt(node.text) : node.text));
  } else return undefined;
  if (!Number.isFinite(value)) return illegalArgument(`[float] supports only finite values, but got [${javaDoubleToString(value)}]`);
  return undefined;
}

function javaCause(run: () => unknown): EsError | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof JavaNumberError) return esError(e.type, e.message);
    throw e;
  }
}
