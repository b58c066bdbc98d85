import { isDeepStrictEqual } from 'node:util';
import { dailyIndex } from './daily-index.js';
import { valueAt, withId, withoutPaths } from './document-paths.js';
import type { PipelineCase } from './log-fixtures.js';
import type { IndexedDoc } from './log-search.js';

/**
 * What is wrong with the documents a case produced, one sentence each (empty: all is as the
 * case expects). Written to be read in a failing test's diff, like logstash-filter-verifier's
 * "expected N events, got M".
 */
export function caseFailures(c: PipelineCase, id: string, docs: readonly IndexedDoc[]): string[] {
  const failures: string[] = [];
  const expect = withId(c.expect, id);
  const count = expect.count ?? 1;
  const inLogs = docs.filter((d) => d.index.startsWith('logs-'));
  const inErrors = docs.filter((d) => d.index.startsWith('errors-'));
  const wantErrors = expect.indices.includes('errors') ? count : 0;
  if (inLogs.length !== count) failures.push(`expected ${count} event(s) in logs-*, got ${inLogs.length}`);
  if (inErrors.length !== wantErrors) failures.push(`expected ${wantErrors} event(s) in errors-*, got ${inErrors.length}`);

  for (const doc of docs) {
    const where = `in ${doc.index}`;
    const timestamp = String(doc.source['@timestamp']);
    const prefix = doc.index.startsWith('errors-') ? 'errors' : 'logs';
    if (doc.index !== dailyIndex(prefix, timestamp)) failures.push(`${where}: the index does not match the event's @timestamp ${timestamp} (UTC day: ${dailyIndex(prefix, timestamp)})`);
    if (expect.timestamp && new Date(timestamp).getTime() !== new Date(expect.timestamp).getTime()) failures.push(`${where}: @timestamp is ${timestamp}, expected ${expect.timestamp}`);
    for (const [path, want] of Object.entries(expect.fields ?? {})) {
      const got = valueAt(doc.source, path);
      if (!isDeepStrictEqual(got, want)) failures.push(`${where}: ${path} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    for (const path of expect.present ?? []) if (valueAt(doc.source, path) === undefined) failures.push(`${where}: ${path} is missing`);
    for (const path of expect.absent ?? []) if (valueAt(doc.source, path) !== undefined) failures.push(`${where}: ${path} should be absent, is ${JSON.stringify(valueAt(doc.source, path))}`);
    const tags = Array.isArray(doc.source.tags) ? (doc.source.tags as unknown[]).map(String) : [];
    for (const tag of expect.tags ?? []) if (!tags.includes(tag)) failures.push(`${where}: tag ${tag} is missing (tags: ${tags.join(', ') || 'none'})`);
    for (const tag of expect.notTags ?? []) if (tags.includes(tag)) failures.push(`${where}: has the tag ${tag}`);
    const text = JSON.stringify(doc.source);
    for (const forbidden of expect.mustNotContain ?? []) if (text.includes(forbidden)) failures.push(`${where}: contains "${forbidden}"`);
    if (expect.document) {
      const got = withoutPaths(doc.source, c.ignore ?? []);
      if (!isDeepStrictEqual(got, expect.document))
        failures.push(`${where}: the document is ${JSON.stringify(got)}, expected ${JSON.stringify(expect.document)} (ignoring ${(c.ignore ?? []).join(', ') || 'nothing'})`);
    }
  }
  return failures;
}
