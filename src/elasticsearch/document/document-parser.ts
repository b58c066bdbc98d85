import { esError } from '../es-failure.js';
import { FieldValueError } from '../fields/field-errors.js';
import { parseFieldValue, parsesArrayValue } from '../fields/parse-field-value.js';
import { endLoc, type JsonEntry, type JsonNode } from '../json/json-node.js';
import { dynamicField, dynamicObject } from '../mapping/dynamic-fields.js';
import { childPath, type Dynamic, type FieldMapping, type Mapping, type ObjectMapping } from '../mapping/mapping-types.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { expandKey, isJavaBlank, isSynthetic } from './dot-expansion.js';
import { metadataField, type MetadataField } from './metadata-fields.js';
import { documentParsing, failedToParse } from './parse-errors.js';
import type { ParseState } from './parse-state.js';
import { javaPreview } from './value-preview.js';

type Target = Mapping | MetadataField;
interface Ctx {
  readonly state: ParseState;
  /** The object whose children are being parsed (a dynamic object has no children here). */
  readonly parent: ObjectMapping;
  readonly dynamic: Dynamic;
  readonly atRoot: boolean;
}

/**
 * DocumentParser#innerParseObject and the methods it calls (server/.../index/mapper/
 * DocumentParser.java, read at 8.16), walking the parsed document instead of a token stream.
 */
export function parseEntries(ctx: Ctx, entries: readonly JsonEntry[]): void {
  for (const entry of entries) {
    const { name, value } = expandKey(entry);
    if (isJavaBlank(name)) throw documentParsing(entry.keyLoc, `Field name cannot contain only whitespace: [${childPath(ctx.parent.path, name)}]`);
    if (value.kind === 'object') parseObject(ctx, name, value);
    else if (value.kind === 'array') parseArray(ctx, name, value);
    else parseValue(ctx, name, value);
  }
}

/** RootDocumentParserContext#getMapper: metadata fields first (root only), then the parent's children. */
function getMapper(ctx: Ctx, name: string): Target | undefined {
  return (ctx.atRoot ? metadataField(name) : undefined) ?? ctx.parent.children.get(name);
}

function parseObject(ctx: Ctx, name: string, node: JsonNode): void {
  const mapper = getMapper(ctx, name);
  if (mapper) return parseObjectOrField(ctx, mapper, node, name);
  if (ctx.dynamic === 'false') return; // not dynamic: skipChildren
  const obj = dynamicObject(name, ctx.parent.path);
  if (!ctx.state.addDynamicMapper(obj, node.loc)) return;
  parseObjectOrField(ctx, obj, node, name);
}

function parseArray(ctx: Ctx, name: string, node: Extract<JsonNode, { kind: 'array' }>): void {
  const mapper = getMapper(ctx, name);
  if (mapper?.kind === 'field' && parsesArrayValue(mapper)) return parseObjectOrField(ctx, mapper, node, name);
  if (!mapper) {
    if (ctx.dynamic === 'false') return;
    if (ctx.state.arrayBeyondLimit()) return void ctx.state.ignored.add(name); // DocumentParser#parseArrayDynamic adds the leaf name
  }
  // parseNonDynamicArray: each element is parsed as a value of the same field name
  for (const item of node.items) {
    if (item.kind === 'object') parseObject(ctx, name, item);
    else if (item.kind === 'array') parseArray(ctx, name, item);
    else parseValue(ctx, name, item, null);
  }
  if (!mapper) refuseDenseVector(ctx, name);
}

/** parseValue / parseNullValue; `currentName` is what Jackson reports (null inside an array). */
function parseValue(ctx: Ctx, name: string, node: JsonNode, currentName: string | null = name): void {
  const mapper = getMapper(ctx, name);
  if (mapper) return parseObjectOrField(ctx, mapper, node, currentName);
  if (node.kind === 'null' || ctx.dynamic === 'false') return; // null creates no mapping
  const kind = node.kind === 'string' ? 'string' : node.kind === 'boolean' ? 'boolean' : node.kind === 'number' && node.integer ? 'integer' : 'floating';
  const field = dynamicField(kind, name, ctx.parent.path, ctx.state.settings);
  if (ctx.state.addDynamicMapper(field, node.loc)) parseField(ctx, field, node);
}

function parseObjectOrField(ctx: Ctx, mapper: Target, node: JsonNode, currentName: string | null): void {
  if (mapper.kind === 'metadata') return parseMetadata(ctx, mapper, node);
  if (mapper.kind === 'field') return parseField(ctx, mapper, node);
  // parseObjectOrNested
  if (node.kind === 'null') return;
  if (node.kind !== 'object') {
    throw documentParsing(node.loc, `object mapping for [${mapper.path}] tried to parse field [${currentName}] as object, but found a concrete value`);
  }
  if (mapper.nested) countNestedDoc(ctx, node);
  parseEntries({ state: ctx.state, parent: mapper, dynamic: mapper.dynamic ?? ctx.dynamic, atRoot: false }, node.entries);
}

/** FieldMapper#parse: the mapper's own value, then its multi-fields; refusals become DocumentParsingExceptions. */
function parseField(ctx: Ctx, field: FieldMapping, node: JsonNode): void {
  let outcome;
  try {
    outcome = parseFieldValue(field, node);
  } catch (e) {
    if (!(e instanceof FieldValueError)) throw e;
    const at = endLoc(node);
    if (e.wrap === 'uncaught') throw failedToParse(at, e.error);
    if (e.wrap === 'geo') throw documentParsing(at, `failed to parse field [${field.path}] of type [${field.type}]`, e.error);
    throw documentParsing(
      at,
      `failed to parse field [${field.path}] of type [${field.type}] in document with id '${ctx.state.id}'. Preview of field's value: '${javaPreview(node)}'`,
      e.error,
      isSynthetic(node),
    );
  }
  if (outcome === 'ignored') ctx.state.ignored.add(field.path);
  for (const mf of field.multiFields.values()) parseField(ctx, mf, node);
}

/** MetadataFieldMapper#parseCreateField refuses any value; FieldMapper#parse wraps it. */
function parseMetadata(ctx: Ctx, field: MetadataField, node: JsonNode): void {
  const cause = esError(
    'document_parsing_exception',
    `[${node.loc.line}:${node.loc.column}] Field [${field.name}] is a metadata field and cannot be added inside a document. Use the index API request parameters.`,
  );
  throw documentParsing(endLoc(node), `failed to parse field [${field.name}] of type [${field.name}] in document with id '${ctx.state.id}'. Preview of field's value: '${javaPreview(node)}'`, cause);
}

/** RootDocumentParserContext#addDoc: each nested object is a Lucene document, up to the limit. */
function countNestedDoc(ctx: Ctx, node: JsonNode): void {
  const limit = ctx.state.settings.nestedObjectsLimit;
  if (++ctx.state.nestedDocs > limit) {
    throw documentParsing(
      node.loc,
      `The number of nested documents has exceeded the allowed limit of [${limit}]. This limit can be set by changing the [index.mapping.nested_objects.limit] index level setting.`,
    );
  }
}

/**
 * DocumentParser#postProcessDynamicArrayMapping: since 8.11 an unmapped array of 128 to 4096
 * floats becomes a dense_vector field, which is not modelled.
 */
function refuseDenseVector(ctx: Ctx, name: string): void {
  const mappers = ctx.state.dynamicMappers.get(childPath(ctx.parent.path, name));
  if (mappers && mappers.length >= 128 && mappers.length <= 4096 && mappers.every((m) => m.kind === 'field' && m.type === 'float')) {
    throw new UnmodelledError('a dynamic dense_vector (an unmapped array of 128 to 4096 floats)', childPath(ctx.parent.path, name));
  }
}
