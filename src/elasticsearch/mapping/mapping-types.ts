/**
 * An index mapping as this model keeps it: the tree of object and field mappers that
 * Elasticsearch's RootObjectMapper holds (server/.../index/mapper/ObjectMapper.java,
 * FieldMapper.java), reduced to what decides whether a document is accepted.
 */
export const FIELD_TYPES = ['keyword', 'text', 'match_only_text', 'wildcard', 'long', 'float', 'date', 'ip', 'geo_point', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Integer.MAX_VALUE: KeywordFieldMapper.Defaults.IGNORE_ABOVE, WildcardFieldMapper's default. */
export const NO_IGNORE_ABOVE = 2147483647;

export interface FieldParams {
  /** keyword, wildcard: values longer than this many UTF-16 chars are not indexed. */
  readonly ignoreAbove: number;
  /** numeric, date, ip, geo_point, boolean: from the field or `index.mapping.ignore_malformed`. */
  readonly ignoreMalformed: boolean;
  /** numeric: from the field or `index.mapping.coerce` (default true). */
  readonly coerce: boolean;
  /** keyword: `index`, `doc_values`, `store` decide whether a value is written at all. */
  readonly index: boolean;
  readonly docValues: boolean;
  readonly store: boolean;
  /** geo_point: `ignore_z_value` (default true). */
  readonly ignoreZValue: boolean;
}

export interface FieldMapping {
  readonly kind: 'field';
  readonly name: string;
  readonly path: string;
  readonly type: FieldType;
  readonly params: FieldParams;
  /** Multi-fields (`fields`), by leaf name. */
  readonly multiFields: ReadonlyMap<string, FieldMapping>;
}

export type Dynamic = 'true' | 'false';

export interface ObjectMapping {
  readonly kind: 'object';
  readonly name: string;
  /** Full dotted path; the root's is the empty string. */
  readonly path: string;
  readonly nested: boolean;
  /** `dynamic` if set on this object; inherited from the parent when undefined. */
  readonly dynamic?: Dynamic;
  readonly enabled: boolean;
  readonly children: ReadonlyMap<string, Mapping>;
}

export type Mapping = FieldMapping | ObjectMapping;

export interface RootMapping extends ObjectMapping {
  readonly dateDetection: boolean;
  readonly numericDetection: boolean;
}

export function childPath(parent: string, leaf: string): string {
  return parent === '' ? leaf : `${parent}.${leaf}`;
}

/** Mapper#getTotalFieldsCount: a field counts 1 plus its multi-fields, an object 1 plus its children. */
export function totalFieldsCount(m: Mapping): number {
  if (m.kind === 'field') {
    let sum = 1;
    for (const mf of m.multiFields.values()) sum += totalFieldsCount(mf);
    return sum;
  }
  let sum = 1;
  for (const c of m.children.values()) sum += totalFieldsCount(c);
  return sum;
}

/** RootObjectMapper#getTotalFieldsCount: the root itself does not count (no runtime fields here). */
export function rootFieldsCount(root: ObjectMapping): number {
  return totalFieldsCount(root) - 1;
}

/**
 * Looks a mapper up by its full dotted path, descending objects and multi-fields. Leaf names
 * never contain dots here (subobjects: true, the default), so each segment is one step.
 */
export function lookup(root: ObjectMapping, path: string): Mapping | undefined {
  let current: Mapping = root;
  for (const segment of path.split('.')) {
    const next: Mapping | undefined = current.kind === 'object' ? current.children.get(segment) : current.multiFields.get(segment);
    if (!next) return undefined;
    current = next;
  }
  return current === root ? undefined : current;
}
