import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { JrubyClient } from '../src/logstash/jruby/jruby-client.js';
import type { JrubyInfo } from '../src/logstash/jruby/jruby-stack.js';
import { jrubyStack } from '../src/logstash/jruby/jruby-stack.js';
import { loadCanaries, renderCanary } from '../src/log-stack/log-fixtures.js';
import type { StackDefinition } from '../src/stacks/stack.js';
import { startStacks } from '../src/stacks/start-stacks.js';

/**
 * What the JRuby stand-in costs: a cold start (container start to ready, then redact.rb
 * loaded with its test blocks run), one event at a time through redact.rb when warm (a round
 * trip each), and a batch of 10 000 events in one call. Prints figures only.
 *
 *   npx tsx bench/jruby.ts
 */
export async function benchJruby(rounds = 2): Promise<void> {
  const redact = { path: '/usr/share/logstash/scripts/redact.rb', file: 'monitoring/logstash/scripts/redact.rb', tagOnException: '_redaction_failure' };
  const lines = loadCanaries().map((c, i) => renderCanary(c, `bench${i}x`));
  const wire = (i: number) => {
    const line = lines[i % lines.length]!;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      data = { message: line };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) data = { message: line };
    return JSON.stringify({ data: { ...(data as object), '@version': '1', '@timestamp': { '\u0000timestamp': '2026-11-26T08:00:00.123Z' } }, metadata: {} });
  };
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  console.log(
    `jruby: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on this machine`,
  );
  for (let round = 1; round <= rounds; round++) {
    const t0 = performance.now();
    const started = await startStacks([jrubyStack as StackDefinition<unknown>]);
    try {
      const status = started.statuses.jruby;
      if (status?.state !== 'ready') {
        console.log(`jruby: not measured: ${status && 'reason' in status ? status.reason : 'no status'}`);
        return;
      }
      const info = status.info as JrubyInfo;
      const t1 = performance.now();
      const client = await JrubyClient.connect(info);
      const loaded = await client.load('redact', redact);
      const t2 = performance.now();
      await client.filter('redact', [wire(0)]);
      const t3 = performance.now();
      console.log(`jruby round ${round} (${info.via}, JRuby ${info.jruby}, tests ${loaded.loaded ? 'passed' : 'FAILED'}):`);
      console.log(`  cold: network + container start to ready ${ms(t1 - t0)}; redact.rb loaded and its 3 tests run ${ms(t2 - t1)}; first event ${ms(t3 - t2)}`);

      for (let i = 0; i < 3; i++)
        await client.filter(
          'redact',
          Array.from({ length: 2000 }, (_, k) => wire(k)),
        );
      const single: number[] = [];
      for (let i = 0; i < 200; i++) {
        const s = performance.now();
        await client.filter('redact', [wire(i)]);
        single.push(performance.now() - s);
      }
      single.sort((a, b) => a - b);
      console.log(`  warm, one event per call (round trip included): median ${ms(single[100]!)}, p90 ${ms(single[180]!)}`);
      const batch = Array.from({ length: 10_000 }, (_, k) => wire(k));
      const s = performance.now();
      const result = await client.filter('redact', batch);
      const took = performance.now() - s;
      console.log(
        `  batch of ${batch.length} events in one call: ${ms(took)} (${(took / batch.length).toFixed(3)} ms per event, ${Math.round(batch.length / (took / 1000))} events/s), ${result.outputs.length} out`,
      );
      client.close();
    } finally {
      await started.stop();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchJruby();
