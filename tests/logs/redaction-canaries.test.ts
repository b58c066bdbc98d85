// @stacks jruby
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { LogsEngine, type EngineResult } from '../../src/logstash/engine/run/engine-run.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { canariesFile, loadCanaries, renderCanary, type Canary } from '../../src/log-stack/log-fixtures.js';
import { carriesId, eventId } from '../../src/log-stack/run-ids.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';

const canaries = loadCanaries();
const ids = canaries.map((_, i) => eventId('tcanary', i));
const forms = (c: Canary) => [c.secret, ...(c.alsoAs ?? [])];

interface Outcome {
  results: EngineResult[];
  client: JrubyClient;
  engine: LogsEngine;
}
let outcome: Promise<Outcome> | undefined;

/** Every canary through one engine, with the debug output on (as the container test runs it). */
function sendCanaries(ctx: TestContext): Promise<Outcome> {
  outcome ??= (async () => {
    const { client } = await requireJruby(ctx);
    const engine = await LogsEngine.start({ root: repoRoot, ruby: client, variables: { ...localRunVariables, LOGSTASH_DEBUG_STDOUT: 'true' } });
    const results: EngineResult[] = [];
    for (const [i, canary] of canaries.entries()) results.push(await engine.run(canary.input, [renderCanary(canary, ids[i]!)]));
    return { results, client, engine };
  })();
  return outcome;
}
afterAll(async () => {
  const o = await outcome?.catch(() => undefined);
  o?.engine.close();
  o?.client.close();
});

describe(`redaction on the offline engine: ${canariesFile}`, () => {
  it.for(canaries.map((c, i) => [`${c.kind} in ${c.where.join(' + ')}: ${c.name} (line ${c.at})`, c, i] as [string, Canary, number]))('%s', async ([, canary, i], ctx) => {
    const { results } = await sendCanaries(ctx);
    const own = results[i]!.events.flatMap((e) => e.documents).filter((d) => d.index.startsWith('logs-') && d.elasticsearch?.accepted && carriesId(d.source.message, ids[i]!));
    expect(own, 'the canary event itself must arrive, redacted, not be dropped').toHaveLength(1);
    expect(own[0]!.source.tags ?? []).not.toContain('_redaction_failure');
    const leaks = results
      .flatMap((r) => r.events.flatMap((e) => e.documents))
      .flatMap((d) =>
        forms(canary)
          .filter((f) => d.json.includes(f))
          .map((f) => `${d.index}: ${f} in ${d.json}`),
      );
    expect(leaks).toEqual([]);
  });

  it("no canary secret appears in Logstash's own log or its stdout, which do show the events (debug output on)", async (ctx) => {
    const { results } = await sendCanaries(ctx);
    const log = results.flatMap((r) => [...r.log, ...r.events.flatMap((e) => e.stdout)]).join('\n');
    // Without the ids in what Logstash printed, "no secret in the log" would prove nothing.
    expect(ids.filter((id) => !log.includes(id))).toEqual([]);
    expect(
      canaries.flatMap((c) =>
        forms(c)
          .filter((f) => log.includes(f))
          .map((f) => `${c.name}: ${f}`),
      ),
    ).toEqual([]);
  });
});
