// @stacks elk
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { LogsEngine } from '../../src/logstash/engine/run/engine-run.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import { harnessPeer } from '../../src/logstash/engine/pipeline/feed.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { parityDifferences } from '../../src/log-stack/document-parity.js';
import { valueAt } from '../../src/log-stack/document-paths.js';
import { caseFailures } from '../../src/log-stack/case-expectations.js';
import type { ElkStackInfo } from '../../src/log-stack/elk-stack.js';
import { loadPipelineCases, type PipelineCase } from '../../src/log-stack/log-fixtures.js';
import { LogSearch, type IndexedDoc } from '../../src/log-stack/log-search.js';
import { sendLines } from '../../src/log-stack/log-sender.js';
import { logstashContainer } from '../../src/log-stack/logstash-container.js';
import { carriesId, eventId, runPrefix } from '../../src/log-stack/run-ids.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { elasticsearchUrlNow } from '../../src/log-stack/elasticsearch-address.js';

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
    for (const [i, c] of cases.entries())
      await sendLines(
        stack,
        container,
        c.input,
        c.lines.map((l) => l.replaceAll('{{id}}', ids[i]!)),
      );
    const search = new LogSearch(await elasticsearchUrlNow(stack));
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

let offline: Promise<{ engine: LogsEngine; client: JrubyClient }> | undefined;
/** The offline engine on this run's JRuby, told the machine name the real Logstash has (the file input writes it). */
function offlineEngine(ctx: TestContext, stack: ElkStackInfo): Promise<{ engine: LogsEngine; client: JrubyClient }> {
  offline ??= (async () => {
    const { client } = await requireJruby(ctx);
    const hostname = await (await logstashContainer(stack.logstashContainer)).exec(['hostname']);
    if (hostname.exitCode !== 0) throw new Error(`hostname in the Logstash container failed (exit ${hostname.exitCode}): ${hostname.output}`);
    const engine = await LogsEngine.start({ root: repoRoot, ruby: client, variables: localRunVariables, hostName: hostname.output.trim() });
    return { engine, client };
  })();
  return offline;
}
afterAll(async () => {
  const s = await offline?.catch(() => undefined);
  s?.engine.close();
  s?.client.close();
});

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
    const search = new LogSearch(await elasticsearchUrlNow(stack));
    try {
      const template = JSON.parse(readFileSync(join(repoRoot, 'monitoring/elasticsearch/index-template.json'), 'utf8')) as { index_patterns: string[] };
      expect(await search.indexTemplate('timetable-logs')).toMatchObject({ index_patterns: template.index_patterns });
      expect(await search.fieldType('logs-*', 'client.geo.location')).toBe('geo_point');
      expect(await search.fieldType('logs-*', 'client.ip')).toBe('ip');
    } finally {
      await search.close();
    }
  });
});

// Same fixtures, two engines: the real documents are the authority over the offline engine's
// prediction for the same lines (tests/logs runs the cases on the engine alone, everywhere).
describe('the offline engine predicts each real document, field by field: fixtures/logs/pipeline-cases.yaml', () => {
  it.for(cases.map((c, i) => [`${c.name} (${c.input}, fixtures/logs/pipeline-cases.yaml:${c.line})`, c, i] as [string, PipelineCase, number]))('%s', async ([, c, i], ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const real = docsOf(await deliverAll(stack), i);
    const { engine } = await offlineEngine(ctx, stack);
    // The sender as the real syslog input saw it ([host][ip]: the Docker gateway), so the engine's input sees the same.
    const ip = real.map((d) => valueAt(d.source, 'host.ip')).find((v): v is string => typeof v === 'string');
    const result = await engine.run(
      c.input,
      c.lines.map((l) => l.replaceAll('{{id}}', ids[i]!)),
      undefined,
      ip ? { ...harnessPeer, ip, name: ip } : undefined,
    );
    const predicted = result.events.flatMap((e) => e.documents).filter((d) => d.elasticsearch?.accepted && carriesId(d.source.message, ids[i]!));
    // Without a time of its own in the line, an event is dated when it arrives: only its presence compares.
    const arrival = c.expect.timestamp ? [] : ['@timestamp', '_index'];
    const differences = parityDifferences(
      real,
      predicted.map((d) => ({ index: d.index, source: d.source })),
      { presenceOnly: [...arrival, ...(c.ignore ?? [])] },
    );
    expect(differences, `${c.name}: real Logstash + Elasticsearch (authority) against the offline engine`).toEqual([]);
  });
});
