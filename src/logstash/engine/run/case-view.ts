import { dailyIndex } from '../../../log-stack/daily-index.js';
import { withId, withoutPaths } from '../../../log-stack/document-paths.js';
import type { PipelineCase } from '../../../log-stack/log-fixtures.js';

export interface CaseDoc {
  index: string;
  source: Record<string, unknown>;
}

/**
 * Two views of a case's outcome to compare as whole documents, logstash-filter-verifier style:
 * `actual` is what came out (the `ignore` paths removed); `expected` is what the case allows,
 * written over a copy of the actual documents (every `fields` value set, `absent` paths removed,
 * `present` paths required, tags completed and cleaned, the index and @timestamp the case
 * implies, or the case's whole `document`). Equal views: the case holds; otherwise the diff
 * shows each difference inside the whole document.
 */
export function caseViews(c: PipelineCase, id: string, docs: readonly CaseDoc[]): { actual: unknown; expected: unknown } {
  const expect = withId(c.expect, id);
  const count = expect.count ?? 1;
  const byIndex = (prefix: string) => docs.filter((d) => d.index.startsWith(`${prefix}-`));
  const actual: Record<string, unknown[]> = {};
  const expected: Record<string, unknown[]> = {};
  for (const prefix of ['logs', 'errors'] as const) {
    const found = byIndex(prefix);
    actual[prefix] = found.map((d) => ({ _index: d.index, ...withoutPaths(d.source, c.ignore ?? []) }));
    const wanted = expect.indices.includes(prefix) ? count : 0;
    expected[prefix] = Array.from({ length: wanted }, (_, i) => expectedDoc(expect, c.ignore ?? [], prefix, found[i]));
  }
  return { actual, expected };
}

function expectedDoc(expect: PipelineCase['expect'], ignore: readonly string[], prefix: 'logs' | 'errors', doc: CaseDoc | undefined): Record<string, unknown> {
  if (expect.document) {
    const ts = String(expect.document['@timestamp'] ?? expect.timestamp ?? doc?.source['@timestamp']);
    return { _index: dailyIndex(prefix, ts), ...structuredClone(expect.document) };
  }
  const view: Record<string, unknown> = doc ? withoutPaths(doc.source, ignore) : {};
  const timestamp = expect.timestamp ?? (doc ? String(doc.source['@timestamp']) : undefined);
  if (expect.timestamp) view['@timestamp'] = new Date(expect.timestamp).toISOString();
  for (const [path, value] of Object.entries(expect.fields ?? {})) setPath(view, path, structuredClone(value));
  for (const path of expect.absent ?? []) removePath(view, path);
  for (const path of expect.present ?? []) if (getPath(view, path) === undefined) setPath(view, path, '<present>');
  const tags = Array.isArray(view.tags) ? (view.tags as unknown[]).map(String) : [];
  const fixedTags = [...tags.filter((t) => !(expect.notTags ?? []).includes(t)), ...(expect.tags ?? []).filter((t) => !tags.includes(t))];
  if (fixedTags.length > 0 || view.tags !== undefined) view.tags = fixedTags;
  for (const forbidden of expect.mustNotContain ?? []) if (JSON.stringify(view).includes(forbidden)) view[`<must not contain ${forbidden}>`] = true;
  return { _index: timestamp ? dailyIndex(prefix, timestamp) : `${prefix}-<day of @timestamp>`, ...view };
}

function getPath(doc: Record<string, unknown>, dotted: string): unknown {
  let node: unknown = doc;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setPath(doc: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function removePath(doc: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split('.');
  const parent = keys.length === 1 ? doc : getPath(doc, keys.slice(0, -1).join('.'));
  if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[keys[keys.length - 1]!];
}
