// @stacks elk
import { describe, expect, it } from 'vitest';
import { loadPipelines } from '../../src/logstash/pipeline-files.js';
import { partitionElasticsearch } from '../../src/log-stack/elasticsearch-partition.js';
import type { ElkStackInfo } from '../../src/log-stack/elk-stack.js';
import { LogSearch } from '../../src/log-stack/log-search.js';
import { sendLines } from '../../src/log-stack/log-sender.js';
import { logstashContainer } from '../../src/log-stack/logstash-container.js';
import { pipelineTraffic, type PipelineTraffic } from '../../src/log-stack/logstash-pipeline-stats.js';
import { eventId, runPrefix } from '../../src/log-stack/run-ids.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { elasticsearchUrlNow } from '../../src/log-stack/elasticsearch-address.js';

const pipelineId = loadPipelines()[0]!.id;
const prefix = runPrefix('o');
// Fewer than one batch (pipeline.batch.size 125): the memory queue takes them all while the
// output is stalled, so the TCP sender is never backpressured into its 10 s no-progress bound.
const sent = 40;
const lines = Array.from({ length: sent }, (_, n) =>
  JSON.stringify({ '@timestamp': new Date().toISOString(), level: 'info', service: 'timetable-api', message: `${eventId(prefix, n)} sent while Elasticsearch was unreachable` }),
);

// How long Logstash may take to try again once Elasticsearch is back: logstash-output-elasticsearch
// 11.22.12 doubles its pause after each failed bulk request from retry_initial_interval (2 s) up to
// retry_max_interval (64 s) (plugin_mixins/elasticsearch/common.rb:221-233, api_configs.rb:221-224),
// and its pool looks for a dead host again every resurrect_delay (5 s, http_client/pool.rb:63,236).
// The bound below is that, plus indexing, times a loaded machine's slowness.
const retryBoundMs = 4 * (64_000 + 5_000);

describe('log side under faults: Elasticsearch unavailable for a while, then back', () => {
  it('nothing is lost: every event sent while Elasticsearch was unreachable is indexed once it returns, and Logstash counts as many out as in', { timeout: 900_000 }, async (ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const logstash = await logstashContainer(stack.logstashContainer);
    let search: LogSearch | undefined;
    const timeline: string[] = [];
    const note = (what: string, traffic?: PipelineTraffic) =>
      timeline.push(`${new Date().toISOString()} ${what}${traffic ? ` (in ${traffic.in}, out ${traffic.out}, failed bulk requests ${traffic.bulkFailures})` : ''}`);
    try {
      // Every earlier event has left the pipeline, so in = out from here measures this test alone.
      const before = await pollUntil(
        async () => {
          const t = await pipelineTraffic(stack.logstash.apiUrl, pipelineId);
          return t.in === t.out ? t : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 1000, what: 'Logstash to have no event in flight before the outage' },
      );
      note('before the outage', before);

      const partition = await partitionElasticsearch(stack.elasticsearchContainer);
      note('Elasticsearch taken off the network');
      try {
        await sendLines(stack, logstash, 'tcp', lines);
        note(`${sent} events sent over TCP`);
        // The events are in Logstash, and its output has failed to deliver them at least once:
        // what is indexed later was held and retried, not sent after the outage by chance.
        const stalled = await pollUntil(
          async () => {
            const t = await pipelineTraffic(stack.logstash.apiUrl, pipelineId);
            return t.in >= before.in + sent && t.bulkFailures > before.bulkFailures ? t : undefined;
          },
          { timeoutMs: 300_000, intervalMs: 2000, what: `Logstash to take ${sent} events in and fail a bulk request to the unreachable Elasticsearch` },
        );
        note('Logstash holds the events and retries', stalled);
        expect(stalled.out, 'no event may leave the outputs while Elasticsearch is unreachable').toBe(before.out);
      } finally {
        await partition.heal();
        note('Elasticsearch back on the network');
      }

      // Asked after the heal: Docker published Elasticsearch on a new host port.
      search = new LogSearch(await elasticsearchUrlNow(stack));
      const indexed = await pollUntil(
        async () => {
          const docs = await search!.byPrefix(prefix);
          return docs.length >= sent ? docs : undefined;
        },
        { timeoutMs: 180_000 + retryBoundMs, intervalMs: 2000, what: `${sent} events of run ${prefix} in Elasticsearch after the outage` },
      );
      note(`${indexed.length} documents indexed`);
      // Exactly once: the events were sent after Elasticsearch went away, so no bulk request was
      // in flight at the cut (the output is at-least-once: one cut mid-request could index twice).
      expect(indexed.map((d) => d.index.split('-')[0])).toEqual(Array(sent).fill('logs'));
      const after = await pollUntil(
        async () => {
          const t = await pipelineTraffic(stack.logstash.apiUrl, pipelineId);
          return t.in === t.out ? t : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 1000, what: 'Logstash to count as many events out as in after the outage' },
      );
      note('after the outage', after);
      expect(after.in - before.in).toBe(sent);
    } catch (error) {
      console.error(`Elasticsearch outage timeline:\n  ${timeline.join('\n  ')}`);
      throw error;
    } finally {
      await search?.close();
    }
  });
});
