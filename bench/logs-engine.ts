import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../src/sources/repo-files.js';
import { LogsEngine } from '../src/logstash/engine/run/engine-run.js';
import { JrubyClient } from '../src/logstash/jruby/jruby-client.js';
import type { JrubyInfo } from '../src/logstash/jruby/jruby-stack.js';
import { jrubyStack } from '../src/logstash/jruby/jruby-stack.js';
import { loadCanaries, loadPipelineCases, renderCanary } from '../src/log-stack/log-fixtures.js';
import type { LogInput } from '../src/log-stack/log-fixture-schema.js';
import type { StackDefinition } from '../src/stacks/stack.js';
import { startStacks } from '../src/stacks/start-stacks.js';

/**
 * Every fixture case (pipeline cases and redaction canaries) through the offline engine running
 * the canonical pipeline, its ruby filters on JRuby: cold (JRuby start, pipeline load, the first
 * pass over all cases) and warm (further passes, per case). Targets of issue 9: <= 20 ms per
 * case warm, <= 10 s cold for the whole set. A real Logstash start is not measured here: no
 * Logstash image runs on these machines (20-60 s where it does). Prints figures only.
 *
 *   npx tsx bench/logs-engine.ts
 */
export async function benchLogsEngine(warmPasses = 5): Promise<void> {
  const cases: { input: LogInput; lines: string[] }[] = [
    ...loadPipelineCases().map((c, i) => ({ input: c.input, lines: c.lines.map((l) => l.replaceAll('{{id}}', `benchc${i}x`)) })),
    ...loadCanaries().map((c, i) => ({ input: c.input, lines: [renderCanary(c, `benchr${i}x`)] })),
  ];
  const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
  console.log(
    `logs-engine: ${cases.length} fixture cases; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const t0 = performance.now();
  const started = await startStacks([jrubyStack as StackDefinition<unknown>]);
  try {
    const status = started.statuses.jruby;
    if (status?.state !== 'ready') {
      console.log(`logs-engine: not measured: ${status && 'reason' in status ? status.reason : 'no JRuby status'}`);
      return;
    }
    const client = await JrubyClient.connect(status.info as JrubyInfo);
    const t1 = performance.now();
    const engine = await LogsEngine.start({ root: repoRoot, ruby: client, variables: { LOGSTASH_DEBUG_STDOUT: 'true', ELASTICSEARCH_PASSWORD: '' } });
    const t2 = performance.now();
    for (const c of cases) await engine.run(c.input, c.lines);
    const t3 = performance.now();
    console.log(`  cold: JRuby start ${ms(t1 - t0)}; pipeline load (redact.rb and its tests included) ${ms(t2 - t1)}; first pass over all cases ${ms(t3 - t2)}; total ${ms(t3 - t0)} (target <= 10 s)`);
    const perCase: number[] = [];
    for (let pass = 0; pass < warmPasses; pass++) {
      for (const c of cases) {
        const s = performance.now();
        await engine.run(c.input, c.lines);
        perCase.push(performance.now() - s);
      }
    }
    perCase.sort((a, b) => a - b);
    const median = perCase[Math.floor(perCase.length / 2)]!;
    const p90 = perCase[Math.floor(perCase.length * 0.9)]!;
    console.log(`  warm: per case median ${ms(median)}, p90 ${ms(p90)}, max ${ms(perCase[perCase.length - 1]!)} over ${perCase.length} runs (target <= 20 ms)`);
    const batch = cases.flatMap((c) => (c.input === 'tcp' ? c.lines : []));
    const many = Array.from({ length: 10_000 }, (_, i) => batch[i % batch.length]!);
    const s = performance.now();
    await engine.run('tcp', many);
    console.log(`  warm: 10 000 tcp lines through one connection ${ms(performance.now() - s)}`);
    engine.close();
    client.close();
  } finally {
    await started.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLogsEngine();
