import { describe, expect, it } from 'vitest';
import { caseFailures } from '../../src/pipeline/case-expectations.js';
import type { ElkStackInfo } from '../../src/pipeline/elk-stack.js';
import { loadPipelineCases, type PipelineCase } from '../../src/pipeline/log-fixtures.js';
import { LogSearch, type IndexedDoc } from '../../src/pipeline/log-search.js';
import { sendLines } from '../../src/pipeline/log-sender.js';
import { logstashContainer } from '../../src/pipeline/logstash-container.js';
import { carriesId, eventId, runPrefix } from '../../src/pipeline/run-ids.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

const cases = loadPipelineCases();
const prefix = runPrefix('k');
const ids = cases.map((_, i) => eventId(prefix, i));
const expectedLogs = cases.reduce((n, c) => n + (c.expect.count ?? 1), 0);
const expectedErrors = cases.reduce((n, c) => n + (c.expect.indices.includes('errors') ? (c.expect.count ?? 1) : 0), 0);

let delivered: Promise<IndexedDoc[]> | undefined;

/** Sends every case through its input once, then waits until as many documents arrived as were sent. */
function deliverAll(stack: ElkStackInfo): Promise<IndexedDoc[]> {
  delivered ??= (async () => {
    const container = await logstashContainer(stack.logstashContainer);
    for (const [i, c] of cases.entries()) await sendLines(stack, container, c.input, c.lines.map((l) => l.replaceAll('{{id}}', ids[i]!)));
    const search = new LogSearch(stack.elasticsearchUrl);
    try {
      return await pollUntil(
        async () => {
          const docs = await search.byPrefix(prefix);
          const logs = docs.filter((d) => d.index.startsWith('logs-')).length;
          const errors = docs.filter((d) => d.index.startsWith('errors-')).length;
          return logs >= expectedLogs && errors >= expectedErrors ? docs : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 1000, what: `${expectedLogs} events in logs-* and ${expectedErrors} in errors-* for run ${prefix}` },
      );
    } finally {
      await search.close();
    }
  })();
  return delivered;
}

const docsOf = (docs: readonly IndexedDoc[], i: number) => docs.filter((d) => carriesId(d.source.message, ids[i]!));

describe('the pipeline on real Logstash and Elasticsearch: fixtures/logs/pipeline-cases.yaml', () => {
  it.for(cases.map((c, i) => [`${c.name} (${c.input}, fixtures/logs/pipeline-cases.yaml:${c.line})`, c, i] as [string, PipelineCase, number]))('%s', async ([, c, i], ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const docs = await deliverAll(stack);
    expect(caseFailures(c, ids[i]!, docsOf(docs, i))).toEqual([]);
  });

  it('nothing is lost: as many events come out as went in, malformed and unknown formats included', async (ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const docs = await deliverAll(stack);
    const perCase = cases.map((c, i) => ({ case: c.name, sent: c.expect.count ?? 1, indexed: docsOf(docs, i).filter((d) => d.index.startsWith('logs-')).length }));
    expect(perCase.filter((p) => p.sent !== p.indexed)).toEqual([]);
    expect(docs.filter((d) => d.index.startsWith('logs-'))).toHaveLength(expectedLogs);
    expect(docs.filter((d) => d.index.startsWith('errors-'))).toHaveLength(expectedErrors);
  });

  it('the stack installed the index template: ip and geo_point mappings apply to the daily indices', async (ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    await deliverAll(stack);
    const search = new LogSearch(stack.elasticsearchUrl);
    try {
      expect(await search.indexTemplate('timetable-logs')).toMatchObject({ index_patterns: ['logs-*', 'errors-*'] });
      expect(await search.fieldType('logs-*', 'client.geo.location')).toBe('geo_point');
      expect(await search.fieldType('logs-*', 'client.ip')).toBe('ip');
    } finally {
      await search.close();
    }
  });
});
