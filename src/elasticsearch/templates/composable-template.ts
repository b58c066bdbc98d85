import { UnmodelledError } from '../unmodelled-error.js';

/** A composable index template (ComposableIndexTemplate), as far as this model uses it. */
export interface ComposableTemplate {
  readonly indexPatterns: readonly string[];
  /** `priority`, null when unset (priorityOrZero treats it as 0; messages print "null"). */
  readonly priority: number | null;
  readonly dataStream: boolean;
  readonly composedOf: readonly string[];
  readonly settings?: unknown;
  readonly mappings?: unknown;
  /** The template's JSON with key order normalized, for ComposableIndexTemplate#equals. */
  readonly canonical: string;
}

const KNOWN = new Set(['index_patterns', 'priority', 'template', '_meta', 'data_stream', 'composed_of', 'version', 'allow_auto_create', 'ignore_missing_component_templates', 'deprecated']);

/**
 * Reads the body of `PUT _index_template/<name>` (ComposableIndexTemplate#PARSER). Template
 * `aliases` and `lifecycle` are not modelled.
 */
export function parseComposableTemplate(body: unknown, where: string): ComposableTemplate {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new UnmodelledError('a template body that is not a JSON object', where);
  const t = body as Record<string, unknown>;
  for (const key of Object.keys(t))
    if (!KNOWN.has(key)) throw new UnmodelledError(`template key [${key}]`, where, 'Elasticsearch rejects unknown keys ("[index_template] unknown field"); not modelled here');
  const patterns = typeof t.index_patterns === 'string' ? [t.index_patterns] : t.index_patterns;
  if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((p) => typeof p !== 'string')) {
    throw new UnmodelledError('a template without index_patterns', where);
  }
  if (t.priority !== undefined && (typeof t.priority !== 'number' || !Number.isInteger(t.priority) || t.priority < 0)) {
    throw new UnmodelledError(`priority ${JSON.stringify(t.priority)}`, where);
  }
  const inner = (t.template ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(inner)) {
    if (key !== 'settings' && key !== 'mappings') throw new UnmodelledError(`template.${key}`, where);
  }
  if (t.data_stream !== undefined && (typeof t.data_stream !== 'object' || Object.keys(t.data_stream as object).length > 0)) {
    throw new UnmodelledError('data_stream options', where);
  }
  return {
    indexPatterns: patterns as string[],
    priority: (t.priority as number | undefined) ?? null,
    dataStream: t.data_stream !== undefined,
    composedOf: (t.composed_of as string[] | undefined) ?? [],
    ...(inner.settings !== undefined ? { settings: inner.settings } : {}),
    ...(inner.mappings !== undefined ? { mappings: inner.mappings } : {}),
    canonical: canonicalJson(t),
  };
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** ComposableIndexTemplate#priorityOrZero. */
export function priorityOrZero(t: ComposableTemplate): number {
  return t.priority ?? 0;
}

/** List#toString of the patterns, as the messages print them: `[logs-*, errors-*]`. */
export function javaList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}
