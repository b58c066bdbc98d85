import { UnmodelledError } from '../unmodelled-error.js';

/** The index settings that decide how documents are parsed, with Elasticsearch 8.17's defaults. */
export interface IndexSettings {
  /** `index.mapping.ignore_malformed` (FieldMapper.IGNORE_MALFORMED_SETTING, default false in standard mode). */
  readonly ignoreMalformed: boolean;
  /** `index.mapping.coerce` (NumberFieldMapper.COERCE_SETTING, default true). */
  readonly coerce: boolean;
  /** `index.mapping.total_fields.limit` (MapperService, default 1000). */
  readonly totalFieldsLimit: number;
  /** `index.mapping.total_fields.ignore_dynamic_beyond_limit` (8.13+, default false outside logsdb). */
  readonly ignoreDynamicBeyondLimit: boolean;
  /** `index.mapping.depth.limit` (default 20). */
  readonly depthLimit: number;
  /** `index.mapping.nested_fields.limit` (default 50). */
  readonly nestedFieldsLimit: number;
  /** `index.mapping.nested_objects.limit` (default 10000). */
  readonly nestedObjectsLimit: number;
  /** `index.mapping.field_name_length.limit` (default Long.MAX_VALUE). */
  readonly fieldNameLengthLimit: number;
}

export const DEFAULT_SETTINGS: IndexSettings = {
  ignoreMalformed: false,
  coerce: true,
  totalFieldsLimit: 1000,
  ignoreDynamicBeyondLimit: false,
  depthLimit: 20,
  nestedFieldsLimit: 50,
  nestedObjectsLimit: 10000,
  fieldNameLengthLimit: Number.MAX_SAFE_INTEGER,
};

type Key = keyof IndexSettings;
const MODELLED: Record<string, [Key, 'bool' | 'long']> = {
  'index.mapping.ignore_malformed': ['ignoreMalformed', 'bool'],
  'index.mapping.coerce': ['coerce', 'bool'],
  'index.mapping.total_fields.limit': ['totalFieldsLimit', 'long'],
  'index.mapping.total_fields.ignore_dynamic_beyond_limit': ['ignoreDynamicBeyondLimit', 'bool'],
  'index.mapping.depth.limit': ['depthLimit', 'long'],
  'index.mapping.nested_fields.limit': ['nestedFieldsLimit', 'long'],
  'index.mapping.nested_objects.limit': ['nestedObjectsLimit', 'long'],
  'index.mapping.field_name_length.limit': ['fieldNameLengthLimit', 'long'],
};
/** Settings that do not change how a document is parsed; accepted and otherwise ignored. */
const NO_EFFECT = new Set(['index.number_of_shards', 'index.number_of_replicas', 'index.refresh_interval', 'index.hidden']);

/**
 * Flattens template settings (`{"index": {"mapping": ...}}` or dotted keys) and adds the
 * `index.` prefix to bare keys, as Settings#normalizePrefix does in
 * MetadataIndexTemplateService#addIndexTemplateV2.
 */
export function flattenSettings(settings: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown, prefix: string) => {
    if (node === undefined || node === null) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      const key = prefix === '' ? k : `${prefix}.${k}`;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v, key);
      else out.set(key.startsWith('index.') ? key : `index.${key}`, v);
    }
  };
  walk(settings, '');
  return out;
}

export function parseIndexSettings(settings: unknown, where: string): IndexSettings {
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, raw] of flattenSettings(settings)) {
    if (NO_EFFECT.has(key)) continue;
    const modelled = MODELLED[key];
    if (!modelled) throw new UnmodelledError(`index setting [${key}]`, where);
    const [field, kind] = modelled;
    result[field] = kind === 'bool' ? settingBool(key, raw, where) : settingLong(key, raw, where);
  }
  return result as unknown as IndexSettings;
}

function settingBool(key: string, raw: unknown, where: string): boolean {
  // Booleans#parseBoolean: only "true" and "false".
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new UnmodelledError(`a non-boolean value ${JSON.stringify(raw)} for [${key}]`, where, 'Elasticsearch rejects it when the index is created');
}

function settingLong(key: string, raw: unknown, where: string): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new UnmodelledError(`the value ${JSON.stringify(raw)} for [${key}]`, where, 'Elasticsearch rejects it when the index is created');
  return n;
}
