// @stacks elk
import { describe, expect, it } from 'vitest';
import type { ElkStackInfo } from '../../src/log-stack/elk-stack.js';
import { loadCanaries, renderCanary, type Canary } from '../../src/log-stack/log-fixtures.js';
import { LogSearch, type IndexedDoc } from '../../src/log-stack/log-search.js';
import { sendLines } from '../../src/log-stack/log-sender.js';
import { logstashContainer, type LogstashContainer } from '../../src/log-stack/logstash-container.js';
import { carriesId, eventId, runPrefix } from '../../src/log-stack/run-ids.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { elasticsearchUrlNow } from '../../src/log-stack/elasticsearch-address.js';

const canaries = loadCanaries();
const prefix = runPrefix('r');
const ids = canaries.map((_, i) => eventId(prefix, i));

interface Outcome {
  /** Every document in logs-* and errors-*, not only this file's: a secret may leak anywhere. */
  everything: IndexedDoc[];
  mine: IndexedDoc[];
  container: LogstashContainer;
}
let outcome: Promise<Outcome> | undefined;

function sendCanaries(stack: ElkStackInfo): Promise<Outcome> {
  outcome ??= (async () => {
    const container = await logstashContainer(stack.logstashContainer);
    for (const [i, canary] of canaries.entries()) await sendLines(stack, container, canary.input, [renderCanary(canary, ids[i]!)]);
    const search = new LogSearch(await elasticsearchUrlNow(stack));
    try {
      const mine = await pollUntil(
        async () => {
          const docs = await search.byPrefix(prefix, 'logs-*');
          return docs.length >= canaries.length ? docs : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 1000, what: `the ${canaries.length} canary events in logs-* (run ${prefix})` },
      );
      return { everything: await search.everything(), mine, container };
    } finally {
      await search.close();
    }
  })();
  return outcome;
}

const forms = (c: Canary) => [c.secret, ...(c.alsoAs ?? [])];

describe('redaction on real Logstash: fixtures/logs/redaction-canaries.yaml', () => {
  it.for(canaries.map((c, i) => [`${c.kind} in ${c.where.join(' + ')}: ${c.name} (line ${c.at})`, c, i] as [string, Canary, number]))('%s', async ([, canary, i], ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const { everything, mine } = await sendCanaries(stack);
    const own = mine.filter((d) => carriesId(d.source.message, ids[i]!));
    expect(own, 'the canary event itself must arrive, redacted, not be dropped').toHaveLength(1);
    expect(own[0]!.source.tags ?? []).not.toContain('_redaction_failure');
    const leaks = everything.flatMap((d) =>
      forms(canary)
        .filter((f) => JSON.stringify(d.source).includes(f))
        .map((f) => `${d.index}: ${f}`),
    );
    expect(leaks).toEqual([]);
  });

  it("no canary secret appears in Logstash's own log, which does show the events (debug output on)", async (ctx) => {
    const stack = requireStack<ElkStackInfo>(ctx, 'elk');
    const { container } = await sendCanaries(stack);
    // The debug output prints every event after the Elasticsearch outputs: wait until it printed all
    // of them. Without the ids in the log, "no secret in the log" would prove nothing.
    const log = await pollUntil(
      async () => {
        const text = await container.logs();
        return ids.every((id) => text.includes(id)) ? text : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, what: `every canary event printed by the debug output in Logstash's log (run ${prefix})` },
    );
    expect(
      canaries.flatMap((c) =>
        forms(c)
          .filter((f) => log.includes(f))
          .map((f) => `${c.name}: ${f}`),
      ),
    ).toEqual([]);
  });
});
