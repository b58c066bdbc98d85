import { EsFailure, esError, illegalArgument } from '../es-failure.js';
import { javaHashOrder } from '../java/java-hash-order.js';
import { lookup, type FieldMapping, type Mapping, type ObjectMapping, type RootMapping } from '../mapping/mapping-types.js';
import type { ParseState } from './parse-state.js';

/** An ObjectMapper.Builder of the dynamic update: mappers and child builders, in the order added. */
interface UpdateBuilder {
  readonly object: ObjectMapping;
  readonly entries: (Mapping | UpdateBuilder)[];
}

const conflict = (reason: string) => new EsFailure(illegalArgument(reason));

/**
 * DocumentParser#createDynamicUpdate (8.16): every dynamic mapper, iterating the context's
 * `dynamicMappers` HashMap (javaHashOrder) and each list in creation order, is added with
 * RootObjectMapper.Builder#addDynamic; building merges mappers of the same name in that order
 * (ObjectMapper.Builder#buildMappers: `existing.merge(mapper)`). Conflicts are
 * IllegalArgumentExceptions thrown outside the parser, so they reach the bulk item as
 * illegal_argument_exception, e.g. `[1, "x"]` → "mapper [a] cannot be changed from type [long] to [text]".
 */
export function buildDynamicUpdate(state: ParseState): ObjectMapping | undefined {
  if (state.dynamicMappers.size === 0) return undefined;
  const root: UpdateBuilder = { object: { ...state.root, children: new Map() }, entries: [] };
  for (const [path, mappers] of javaHashOrder([...state.dynamicMappers])) {
    for (const mapper of mappers) addDynamic(root, path, '', mapper, state);
  }
  return build(root);
}

function addDynamic(builder: UpdateBuilder, name: string, prefix: string, mapper: Mapping, state: ParseState): void {
  const dot = name.indexOf('.');
  if (dot < 0) return void builder.entries.push(mapper);
  const child = name.slice(0, dot);
  const full = prefix === '' ? child : `${prefix}.${child}`;
  // ObjectMapper.Builder#findObjectBuilder: an existing object mapper, or one added by this document
  const existing = lookup(state.root, full);
  const object = existing?.kind === 'object' ? existing : state.dynamicObjects.get(full);
  if (!object) throw new EsFailure(esError('illegal_state_exception', `Missing intermediate object ${full}`));
  const parent: UpdateBuilder = { object: { ...object, children: new Map() }, entries: [] };
  addDynamic(parent, name.slice(dot + 1), full, mapper, state);
  builder.entries.push(parent);
}

function build(builder: UpdateBuilder): ObjectMapping {
  const children = new Map<string, Mapping>();
  for (const entry of builder.entries) {
    const mapper = 'entries' in entry ? build(entry) : entry;
    const existing = children.get(mapper.name);
    children.set(mapper.name, existing ? mergeMapper(existing, mapper) : mapper);
  }
  return { ...builder.object, children };
}

/** Mapper#merge: ObjectMapper#merge or FieldMapper#merge, depending on the existing mapper. */
export function mergeMapper(existing: Mapping, incoming: Mapping): Mapping {
  return existing.kind === 'object' ? mergeObject(existing, incoming) : mergeField(existing, incoming);
}

/** ObjectMapper#merge and MergeResult#buildMergedMappers (8.15 source). */
export function mergeObject<T extends ObjectMapping>(existing: T, incoming: Mapping): T {
  if (incoming.kind !== 'object') throw conflict(`can't merge a non object mapping [${incoming.path}] with an object mapping`);
  // ObjectMapper#merge / NestedObjectMapper#merge: nested and plain objects never merge
  if (incoming.nested !== existing.nested) throw conflict(`can't merge a non-nested mapping [${incoming.path}] with a nested mapping`);
  const children = new Map(existing.children);
  for (const child of incoming.children.values()) {
    const into = children.get(child.name);
    if (!into) children.set(child.name, child);
    else if (into.kind === 'object') children.set(child.name, mergeObject(into, child));
    else if (child.kind === 'object') throw conflict(`can't merge a non object mapping [${child.path}] with an object mapping`);
    else children.set(child.name, mergeField(into, child));
  }
  return { ...existing, children };
}

/** FieldMapper#merge and #checkIncomingMergeType. */
function mergeField(existing: FieldMapping, incoming: Mapping): FieldMapping {
  if (incoming.kind !== 'field') throw conflict(`mapper [${existing.path}] cannot be changed from type [${existing.type}] to [ObjectMapper]`);
  if (incoming.type !== existing.type) throw conflict(`mapper [${existing.path}] cannot be changed from type [${existing.type}] to [${incoming.type}]`);
  const multiFields = new Map(existing.multiFields);
  for (const mf of incoming.multiFields.values()) {
    const into = multiFields.get(mf.name);
    multiFields.set(mf.name, into ? mergeField(into, mf) : mf);
  }
  return { ...existing, multiFields };
}

export function mergeIntoRoot(root: RootMapping, update: ObjectMapping): RootMapping {
  return mergeObject(root, update);
}
