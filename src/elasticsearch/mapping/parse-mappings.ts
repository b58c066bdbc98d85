import { UnmodelledError } from '../unmodelled-error.js';
import { defaultParams } from './dynamic-fields.js';
import type { IndexSettings } from './index-settings.js';
import { childPath, FIELD_TYPES, NO_IGNORE_ABOVE, type Dynamic, type FieldMapping, type FieldParams, type FieldType, type Mapping, type ObjectMapping, type RootMapping } from './mapping-types.js';

type Node = Record<string, unknown>;

/** The mapping parameters each field type accepts in this model; anything else is unmodelled. */
const PARAMS: Record<FieldType, readonly string[]> = {
  keyword: ['ignore_above', 'index', 'doc_values', 'store', 'fields'],
  text: ['fields'],
  match_only_text: [],
  wildcard: ['ignore_above'],
  long: ['ignore_malformed', 'coerce', 'index', 'doc_values'],
  float: ['ignore_malformed', 'coerce', 'index', 'doc_values'],
  date: ['ignore_malformed', 'format'],
  ip: ['ignore_malformed'],
  geo_point: ['ignore_malformed', 'ignore_z_value'],
  boolean: ['ignore_malformed'],
};
/** DateFieldMapper.DEFAULT_DATE_TIME_FORMATTER, the only format modelled. */
const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis';

/** The `mappings` of a (composable) template, as RootObjectMapper.TypeParser reads them. */
export function parseRootMapping(mappings: unknown, settings: IndexSettings, where: string): RootMapping {
  const node = (mappings ?? {}) as Node;
  let dateDetection = true; // RootObjectMapper.Defaults.DATE_DETECTION
  let numericDetection = false; // RootObjectMapper.Defaults.NUMERIC_DETECTION
  const rest: Node = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'date_detection') dateDetection = bool(v, `${where} mappings.date_detection`);
    else if (k === 'numeric_detection') numericDetection = bool(v, `${where} mappings.numeric_detection`);
    else if (k === '_meta')
      continue; // metadata for humans, no effect on parsing
    else rest[k] = v;
  }
  if (dateDetection) throw new UnmodelledError('date_detection: true (dynamic date fields)', `${where} mappings`, 'set "date_detection": false, as the pipeline template does');
  if (numericDetection) throw new UnmodelledError('numeric_detection: true', `${where} mappings`);
  const root = parseObject('', '', rest, settings, where);
  return { ...root, dateDetection, numericDetection };
}

function parseObject(name: string, path: string, node: Node, settings: IndexSettings, where: string, nested = false): ObjectMapping {
  const children = new Map<string, Mapping>();
  let dynamic: Dynamic | undefined;
  let enabled = true;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'type') continue;
    else if (k === 'properties') for (const [field, def] of Object.entries(v as Node)) addProperty(children, path, field, def as Node, settings, where);
    else if (k === 'dynamic') dynamic = parseDynamic(v, `${where} ${path || 'mappings'}.dynamic`);
    else if (k === 'enabled') enabled = bool(v, `${where} ${path}.enabled`);
    else throw new UnmodelledError(`object mapping parameter [${k}]`, `${where} ${path || 'mappings'}`);
  }
  if (!enabled) throw new UnmodelledError('enabled: false on an object', `${where} ${path}`);
  return { kind: 'object', name, path, nested, enabled, children, ...(dynamic ? { dynamic } : {}) };
}

/**
 * ObjectMapper.TypeParser#parseProperties: a dotted property name declares intermediate
 * objects (`"a.b": {...}` is `a: {properties: {b: {...}}}`).
 */
function addProperty(children: Map<string, Mapping>, parentPath: string, field: string, def: Node, settings: IndexSettings, where: string): void {
  const parts = field.split('.');
  const leaf = parts.pop()!;
  let target = children;
  let path = parentPath;
  for (const part of parts) {
    path = childPath(path, part);
    let obj = target.get(part);
    if (!obj) {
      obj = { kind: 'object', name: part, path, nested: false, enabled: true, children: new Map() };
      target.set(part, obj);
    }
    if (obj.kind !== 'object') throw new UnmodelledError(`property [${field}] declared both as a field and as an object`, `${where} ${path}`);
    target = obj.children as Map<string, Mapping>;
  }
  if (target.has(leaf)) throw new UnmodelledError(`property [${field}] declared twice`, `${where} ${parentPath}`);
  target.set(leaf, parseMapping(leaf, childPath(path, leaf), def, settings, where));
}

function parseMapping(name: string, path: string, def: Node, settings: IndexSettings, where: string): Mapping {
  const type = def.type;
  if (type === undefined || type === 'object' || type === 'nested') {
    if (type === undefined && def.properties === undefined) throw new UnmodelledError('a property without a type or properties', `${where} ${path}`);
    return parseObject(name, path, def, settings, where, type === 'nested');
  }
  if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) throw new UnmodelledError(`mapping type [${String(type)}]`, `${where} ${path}`);
  return parseField(name, path, type as FieldType, def, settings, where);
}

function parseField(name: string, path: string, type: FieldType, def: Node, settings: IndexSettings, where: string): FieldMapping {
  const params: Record<keyof FieldParams, number | boolean> = { ...defaultParams(settings) };
  const multiFields = new Map<string, FieldMapping>();
  for (const [k, v] of Object.entries(def)) {
    const at = `${where} ${path}.${k}`;
    if (k === 'type') continue;
    if (!PARAMS[type].includes(k)) throw new UnmodelledError(`mapping parameter [${k}] of type [${type}]`, `${where} ${path}`);
    if (k === 'ignore_above') params.ignoreAbove = int(v, at);
    else if (k === 'ignore_malformed') params.ignoreMalformed = bool(v, at);
    else if (k === 'coerce') params.coerce = bool(v, at);
    else if (k === 'index') params.index = bool(v, at);
    else if (k === 'doc_values') params.docValues = bool(v, at);
    else if (k === 'store') params.store = bool(v, at);
    else if (k === 'ignore_z_value') params.ignoreZValue = bool(v, at);
    else if (k === 'format' && v !== DEFAULT_DATE_FORMAT) throw new UnmodelledError(`date format [${String(v)}]`, at);
    else if (k === 'fields') {
      for (const [mfName, mfDef] of Object.entries(v as Node)) {
        const mf = parseMapping(mfName, `${path}.${mfName}`, mfDef as Node, settings, where);
        if (mf.kind !== 'field') throw new UnmodelledError('an object as a multi-field', `${where} ${path}.${mfName}`);
        multiFields.set(mfName, mf);
      }
    }
  }
  return { kind: 'field', name, path, type, params: params as unknown as FieldParams, multiFields };
}

function parseDynamic(v: unknown, where: string): Dynamic {
  // ObjectMapper.TypeParser: "strict" and "runtime" are words; otherwise nodeBooleanValue.
  const s = String(v).toLowerCase();
  if (s === 'true' || s === 'false') return s;
  throw new UnmodelledError(`dynamic: ${JSON.stringify(v)}`, where, 'only dynamic true/false are modelled');
}

/** XContentMapValues#nodeBooleanValue: booleans or the strings "true"/"false". */
function bool(v: unknown, where: string): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new UnmodelledError(`the value ${JSON.stringify(v)} (not a boolean)`, where);
}

function int(v: unknown, where: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > NO_IGNORE_ABOVE) throw new UnmodelledError(`the value ${JSON.stringify(v)} (not an int)`, where);
  return n;
}
