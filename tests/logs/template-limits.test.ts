// @stacks jruby
import { describe, expect, it, type TestContext } from 'vitest';
import type { EngineDocument } from '../../src/logstash/engine/run/engine-run.js';
import { carriesId } from '../../src/log-stack/run-ids.js';
import { canonicalLogsEngine } from '../support/canonical-logs-engine.js';

/**
 * Audit 3.10, the template's limits, through the canonical pipeline and its index template
 * (monitoring/elasticsearch/index-template.json) on the offline engine. Both lines are too long
 * for a case of fixtures/logs/pipeline-cases.yaml, so they are made here.
 *  - A JSON log with 2100 keys of its own: under `dynamic: true` each new string key maps two
 *    fields (text + .keyword), so the index's mapping passes index.mapping.total_fields.limit
 *    (2000) and Elasticsearch refuses the document, unless ignore_dynamic_beyond_limit lets it
 *    keep the fields beyond the limit in _source only (src/elasticsearch/document/parse-state.ts).
 *  - An access line with a 40 KB path, query, referrer and user agent: a keyword field without
 *    ignore_above refuses a value over Lucene's 32766-byte term (src/elasticsearch/fields/keyword.ts).
 */
const canonical = canonicalLogsEngine();
const engine = async (ctx: TestContext) => (await canonical(ctx)).engine;

/** The case's documents in the daily logs index, with what Elasticsearch answered for each. */
function logsDocuments(docs: EngineDocument[], id: string): EngineDocument[] {
  return docs.filter((d) => d.index.startsWith('logs-') && carriesId(d.source.message, id));
}

describe("the index template's limits (audit 3.10)", () => {
  it('a JSON log with 2100 keys of its own is indexed; the keys beyond the field limit stay in _source, listed in _ignored', async (ctx) => {
    const keys = Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`attr_${i}`, `value ${i}`]));
    const line = JSON.stringify({ '@timestamp': '2026-11-26T10:00:00.000Z', message: 'tlimitk1x many keys', ...keys });
    const result = await (await engine(ctx)).run('tcp', [line]);
    expect(result.incidents, 'what the input lost').toEqual([]);
    const [doc, ...more] = logsDocuments(
      result.events.flatMap((e) => e.documents),
      'tlimitk1x',
    );
    expect(more).toEqual([]);
    expect(doc?.elasticsearch, 'what Elasticsearch answers').toMatchObject({ accepted: true });
    expect(Object.keys(doc!.source).filter((k) => k.startsWith('attr_')).length, 'keys kept in _source').toBe(2100);
    const ignored = doc!.elasticsearch!.accepted ? (doc!.elasticsearch!.ignored ?? []) : [];
    expect(ignored.length, '_ignored: the keys Elasticsearch did not map').toBeGreaterThan(0);
    expect(
      ignored.every((f) => f.startsWith('attr_')),
      `only the sender's keys are dropped from the mapping: ${ignored.filter((f) => !f.startsWith('attr_')).join(', ')}`,
    ).toBe(true);
  }, 600_000);

  it('an access line with a 40 KB path, query, referrer and user agent is indexed; the long values are kept in _source, not indexed', async (ctx) => {
    const long = (c: string) => c.repeat(40 * 1024);
    const access = `8.8.4.4 - - [26/Nov/2026:21:00:00 +0000] "GET /p/${long('a')}?q=${long('b')} HTTP/1.1" 200 512 "https://example.org/${long('c')}" "Mozilla/5.0 ${long('d')}"`;
    const line = JSON.stringify({ message: `${access} tlimitu1x` });
    const result = await (await engine(ctx)).run('tcp', [line]);
    expect(result.incidents, 'what the input lost').toEqual([]);
    const [doc, ...more] = logsDocuments(
      result.events.flatMap((e) => e.documents),
      'tlimitu1x',
    );
    expect(more).toEqual([]);
    expect(doc?.elasticsearch, 'what Elasticsearch answers').toMatchObject({ accepted: true });
    const source = doc!.source as { url?: { path?: string; query?: string }; http?: { request?: { referrer?: string } }; user_agent?: { original?: string } };
    expect([source.url?.path?.length, source.url?.query?.length, source.http?.request?.referrer?.length, source.user_agent?.original?.length]).toEqual([
      3 + 40 * 1024,
      2 + 40 * 1024,
      20 + 40 * 1024,
      12 + 40 * 1024,
    ]);
    expect(doc!.elasticsearch).toMatchObject({ ignored: expect.arrayContaining(['http.request.referrer', 'url.path', 'url.query', 'user_agent.original']) });
  }, 600_000);
});
