import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EsCluster } from './cluster.js';
import { rootFieldsCount, type ObjectMapping } from './mapping/mapping-types.js';
import { UnmodelledError } from './unmodelled-error.js';

/** The pipeline's template, as its elasticsearch outputs install it (template_name timetable-logs). */
const TEMPLATE = JSON.parse(readFileSync(new URL('../../monitoring/elasticsearch/index-template.json', import.meta.url), 'utf8')) as unknown;
/** The template as the audit read it (commit e5126dd): patterns logs-* and errors-*, priority 200. */
const AUDITED = { ...(TEMPLATE as Record<string, unknown>), index_patterns: ['logs-*', 'errors-*'], priority: 200 };
const DAY = 'logs-2026.11.26';

function pipelineCluster(template: unknown = TEMPLATE): EsCluster {
  const c = new EsCluster();
  expect(c.putIndexTemplate('timetable-logs', template)).toEqual({ ok: true, changed: true });
  return c;
}
const doc = (fields: Record<string, unknown>) => JSON.stringify({ '@timestamp': '2026-11-26T08:00:00.123456789Z', ...fields });

describe('index creation from templates (audit 1.1, 2.7)', () => {
  it('creates logs-YYYY.MM.dd and errors-YYYY.MM.dd from the pipeline template, and leaves logs-*-* to the built-in logs template', () => {
    const c = pipelineCluster();
    expect([c.templateFor(DAY), c.templateFor('errors-2026.11.26'), c.templateFor('logs-generic-default')]).toEqual(['timetable-logs', 'timetable-logs', 'logs']);
    expect(c.index(DAY, doc({ message: 'x' }))).toEqual({ accepted: true, index: DAY });
    expect(c.fieldType(DAY, 'client.geo.location')).toBe('geo_point');
  });

  it("2.7: captures other shippers' logs-<dataset>-<namespace> names as regular indices; without it they are data streams an index op cannot write", () => {
    const c = pipelineCluster(AUDITED);
    expect(c.index('logs-generic-default', doc({ message: 'from agent' }))).toMatchObject({ accepted: true });
    expect(c.fieldType('logs-generic-default', 'message')).toBe('match_only_text');
    const plain = new EsCluster();
    expect(plain.index('logs-generic-default', doc({}))).toEqual({
      accepted: false,
      status: 400,
      type: 'illegal_argument_exception',
      reason: 'only write ops with an op_type of create are allowed in data streams',
    });
    // The fixed template (logs-20*.*.*) leaves the name to the data stream template.
    expect(pipelineCluster().index('logs-generic-default', doc({}))).toMatchObject({ accepted: false, type: 'illegal_argument_exception' });
  });

  it('1.1: the template PUT is refused when a logs-*-* data stream exists', () => {
    const c = new EsCluster();
    c.addDataStream('logs-generic-default');
    expect(c.putIndexTemplate('timetable-logs', TEMPLATE)).toEqual({ ok: true, changed: true });
    expect(c.putIndexTemplate('timetable-logs-audited', AUDITED)).toEqual({
      ok: false,
      status: 400,
      error: {
        type: 'illegal_argument_exception',
        reason:
          'composable template [timetable-logs-audited] with index patterns [logs-*, errors-*], priority [200] and no data stream configuration would cause data streams [logs-generic-default] to no longer match a data stream template',
      },
    });
  });

  it('1.1: the template PUT is refused when an overlapping template has the same priority (Fleet installs integrations at 200)', () => {
    const c = new EsCluster();
    c.addTemplateUnchecked('logs-nginx.access', { index_patterns: ['logs-nginx.access-*'], priority: 200, data_stream: {} });
    const r = c.putIndexTemplate('timetable-logs', AUDITED);
    expect(r.ok ? '' : r.error.reason).toBe(
      'index template [timetable-logs] has index patterns [logs-*, errors-*] matching patterns from existing templates [logs-nginx.access] with patterns (logs-nginx.access => [logs-nginx.access-*]) that have the same priority [200], multiple index templates may not match during index creation, please use a different priority',
    );
    expect(c.putIndexTemplate('timetable-logs', TEMPLATE)).toEqual({ ok: true, changed: true });
  });

  it('refuses invalid index names (MetadataCreateIndexService#validateIndexName)', () => {
    expect(pipelineCluster().index('Logs-2026.11.26', doc({}))).toMatchObject({
      accepted: false,
      type: 'invalid_index_name_exception',
      reason: 'Invalid index name [Logs-2026.11.26], must be lowercase',
    });
  });

  it('does not guess an index without a matching template (default mappings have date detection on)', () => {
    expect(() => pipelineCluster().index('other-index', doc({}))).toThrow(UnmodelledError);
  });
});

describe('object/scalar conflicts with the pipeline template (audit 2.5)', () => {
  it('refuses a scalar where the template maps an object: url, log, client, user, event', () => {
    const c = pipelineCluster();
    for (const [field, value] of [
      ['url', '/x'],
      ['log', 'a line'],
      ['client', '10.0.0.1'],
      ['user', 42],
      ['event', 'e'],
    ] as const) {
      const r = c.index(DAY, JSON.stringify({ [field]: value }));
      expect(r).toMatchObject({ accepted: false, type: 'document_parsing_exception' });
      expect(r.accepted ? '' : r.reason).toMatch(new RegExp(`^\\[1:\\d+\\] object mapping for \\[${field}\\] tried to parse field \\[${field}\\] as object, but found a concrete value$`));
    }
  });

  it('refuses an object message (match_only_text), and an error field whose first document decided the other shape', () => {
    const c = pipelineCluster();
    expect(c.index(DAY, '{"message":{"text":"x"}}')).toMatchObject({ accepted: false, causedBy: { type: 'illegal_state_exception' } });
    expect(c.index(DAY, '{"error":"boom"}')).toMatchObject({ accepted: true });
    expect(c.fieldType(DAY, 'error')).toBe('text');
    expect(c.index(DAY, '{"error":{"message":"boom"}}')).toMatchObject({ accepted: false, reason: expect.stringMatching(/failed to parse field \[error\] of type \[text\]/) });
    const other = pipelineCluster();
    expect(other.index(DAY, '{"error":{"message":"boom"}}')).toMatchObject({ accepted: true });
    expect(other.index(DAY, '{"error":"boom"}')).toMatchObject({ accepted: false, reason: '[1:10] object mapping for [error] tried to parse field [error] as object, but found a concrete value' });
  });

  it('ignore_malformed (set index-wide) ignores malformed numbers, dates, ips, geo points and booleans into _ignored', () => {
    const c = pipelineCluster();
    const r = c.index(DAY, JSON.stringify({ '@timestamp': 'yesterday', http: { response: { status_code: 'OK' } }, host: { ip: 'gateway' }, client: { geo: { location: 'nowhere!' } }, flag: true }));
    expect(r).toEqual({ accepted: true, index: DAY, ignored: ['@timestamp', 'client.geo.location', 'host.ip', 'http.response.status_code'] });
    expect(c.index(DAY, '{"flag":"maybe"}')).toEqual({ accepted: true, index: DAY, ignored: ['flag'] });
  });
});

/**
 * The template's limits as the audit read them (commit 03c84e7): keywords without ignore_above and
 * total_fields.limit 2000 without ignore_dynamic_beyond_limit. Kept to show what 3.10 fixed.
 */
function auditedLimits(): unknown {
  const t = structuredClone(TEMPLATE) as { template: { settings: Record<string, unknown>; mappings: unknown } };
  delete t.template.settings['index.mapping.total_fields.ignore_dynamic_beyond_limit'];
  // every mapped keyword loses it; multi-fields (db.statement.keyword had 1024) keep theirs
  const strip = (properties: Record<string, Record<string, unknown>>): void => {
    for (const field of Object.values(properties)) {
      if (field.type === 'keyword') delete field.ignore_above;
      if (field.properties) strip(field.properties as Record<string, Record<string, unknown>>);
    }
  };
  strip((t.template.mappings as { properties: Record<string, Record<string, unknown>> }).properties);
  return t;
}

describe('keyword lengths and limits (audit 3.10)', () => {
  const big = 'x'.repeat(40000);
  const paths = ['user_agent.original', 'url.path', 'url.query', 'http.request.referrer'];
  const nested = (path: string, value: string) => path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value);

  it('3.10, as audited: refuses a value over 32766 bytes in a keyword without ignore_above', () => {
    const c = pipelineCluster(auditedLimits());
    for (const path of paths) {
      const r = c.index(DAY, JSON.stringify(nested(path, big)));
      expect(r).toMatchObject({
        accepted: false,
        type: 'document_parsing_exception',
        causedBy: { type: 'illegal_argument_exception', reason: expect.stringContaining(`immense term in field="${path}"`) },
      });
    }
  });

  it('the canonical template indexes such values, not indexed (in _ignored), on every keyword it maps', () => {
    const c = pipelineCluster();
    for (const path of paths) expect(c.index(DAY, JSON.stringify(nested(path, big)))).toEqual({ accepted: true, index: DAY, ignored: [path] });
    const keywords: string[] = [];
    const walk = (m: ObjectMapping) => {
      for (const child of m.children.values()) {
        if (child.kind === 'object') walk(child);
        else if (child.type === 'keyword' && (child.params.index || child.params.docValues)) keywords.push(child.path);
      }
    };
    walk(c.mapping(DAY));
    const refused = keywords.filter((path) => !c.index(DAY, JSON.stringify(nested(path, big))).accepted);
    expect(refused, 'keywords of the template that refuse a 40 KB value: give them ignore_above').toEqual([]);
  });

  it('accepts it in event.original (not indexed, no doc values) and ignores it above ignore_above (db.statement.keyword, dynamic .keyword)', () => {
    const c = pipelineCluster();
    expect(c.index(DAY, JSON.stringify({ event: { original: big }, db: { statement: big }, note: big }))).toEqual({ accepted: true, index: DAY, ignored: ['db.statement.keyword', 'note.keyword'] });
  });

  it('3.10, as audited: refuses the document that takes the mapping past 2000 fields, counting what the template already maps', () => {
    const c = pipelineCluster(auditedLimits());
    c.index(DAY, doc({}));
    const remaining = 2000 - rootFieldsCount(c.mapping(DAY));
    const fields = Object.fromEntries(Array.from({ length: remaining + 1 }, (_, i) => [`f${i}`, i]));
    const r = c.index(DAY, JSON.stringify(fields));
    expect(r).toMatchObject({
      accepted: false,
      type: 'document_parsing_exception',
      reason: expect.stringMatching(new RegExp(`failed to parse: Limit of total fields \\[2000\\] has been exceeded while adding new fields \\[${remaining + 1}\\]$`)),
    });
    delete fields[`f${remaining}`];
    expect(c.index(DAY, JSON.stringify(fields))).toMatchObject({ accepted: true });
    expect(c.index(DAY, '{"one_more":1}')).toMatchObject({ accepted: false, reason: expect.stringContaining('while adding new fields [1]') });
  }, 60_000); // ~2000-field documents: about a second cold on a loaded 2-core machine

  it('the canonical template maps fields up to 2000 and keeps the rest in _source only, listed in _ignored', () => {
    const c = pipelineCluster();
    c.index(DAY, doc({}));
    const remaining = 2000 - rootFieldsCount(c.mapping(DAY));
    const fields = Object.fromEntries(Array.from({ length: remaining + 5 }, (_, i) => [`f${i}`, i]));
    expect(c.index(DAY, JSON.stringify(fields))).toEqual({
      accepted: true,
      index: DAY,
      ignored: [`f${remaining}`, `f${remaining + 1}`, `f${remaining + 2}`, `f${remaining + 3}`, `f${remaining + 4}`].sort(),
    });
    expect(rootFieldsCount(c.mapping(DAY))).toBe(2000);
    expect(c.index(DAY, '{"one_more":1,"f0":2}')).toEqual({ accepted: true, index: DAY, ignored: ['one_more'] });
  }, 60_000);

  it('refuses objects nested deeper than index.mapping.depth.limit (20)', () => {
    const deep = (n: number): unknown => (n === 0 ? 1 : { o: deep(n - 1) });
    const c = pipelineCluster();
    // deep(20): 19 nested objects, the deepest at a path of 18 dots, depth 20
    expect(c.index(DAY, JSON.stringify(deep(20)))).toMatchObject({ accepted: true });
    expect(c.index(DAY, JSON.stringify({ p: deep(20) }))).toMatchObject({
      accepted: false,
      reason: expect.stringContaining(`Limit of mapping depth [20] has been exceeded due to object field [p${'.o'.repeat(19)}]`),
    });
  });
});

describe('mapping growth', () => {
  it("keeps each index's mapping across documents; the first document to bring a field decides its type", () => {
    const c = pipelineCluster();
    c.index(DAY, '{"duration":12}');
    c.index('logs-2026.11.27', '{"duration":12.5}');
    expect([c.fieldType(DAY, 'duration'), c.fieldType('logs-2026.11.27', 'duration')]).toEqual(['long', 'float']);
    expect(c.index(DAY, '{"duration":12.5}')).toEqual({ accepted: true, index: DAY }); // coerced into the long field
    expect(c.indexNames()).toEqual([DAY, 'logs-2026.11.27']);
  });
});
