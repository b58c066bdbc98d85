import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { JrubyClient } from '../src/logstash/jruby/jruby-client.js';
import type { JrubyInfo } from '../src/logstash/jruby/jruby-stack.js';
import { jrubyStack } from '../src/logstash/jruby/jruby-stack.js';
import { timeRedactRegexes, worstPerRegex } from '../src/logstash/redaction/regex-timing.js';
import type { StackDefinition } from '../src/stacks/stack.js';
import { startStacks } from '../src/stacks/start-stacks.js';

/** The target of issue 10: each regex of redact.rb on any 64 KB input within 50 ms on JRuby. */
const targetMs = 50;

/**
 * Every regular expression of monitoring/logstash/scripts/redact.rb (each Regexp constant),
 * and redact_text with all of them, on 64 KB adversarial inputs (regex-timing.rb: repeated
 * separators, base64, digit runs, UUID chains, runs of spaces and quotes, keyword floods), on
 * the run's JRuby. Prints, per regex, its slowest input in CPU and wall time, and the same at
 * 16 KB: a linear regex takes ~4x longer on 4x the input, a quadratic one ~16x.
 *
 *   npx tsx bench/redact-regex.ts
 */
export async function benchRedactRegex(): Promise<void> {
  console.log(
    `redact-regex: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on this machine`,
  );
  const started = await startStacks([jrubyStack as StackDefinition<unknown>]);
  try {
    const status = started.statuses.jruby;
    if (status?.state !== 'ready') {
      console.log(`redact-regex: not measured: ${status && 'reason' in status ? status.reason : 'no status'}`);
      return;
    }
    const info = status.info as JrubyInfo;
    const client = await JrubyClient.connect(info);
    try {
      const small = await timeRedactRegexes(client, { size: 16_384, runs: 3 });
      const large = await timeRedactRegexes(client, { size: 65_536, runs: 3 });
      const inputs = Object.keys(large.sizes).length;
      console.log(`redact-regex on JRuby ${info.jruby} (${info.via}): ${inputs} adversarial inputs; fastest of 3 runs; CPU = this thread's CPU time`);
      console.log(`  ${'regex'.padEnd(26)} ${'slowest 64 KB input'.padEnd(20)} ${'CPU ms'.padStart(8)} ${'wall ms'.padStart(8)}  ${'16 KB CPU'.padStart(9)}  growth  target ${targetMs} ms`);
      for (const [regex, input, cpu, wall] of worstPerRegex(large.timings)) {
        const smallCpu = small.timings[regex]?.[input]?.[0] ?? NaN;
        const growth = smallCpu > 0.05 ? `${(cpu / smallCpu).toFixed(1)}x` : '-';
        console.log(
          `  ${regex.padEnd(26)} ${input.padEnd(20)} ${cpu.toFixed(1).padStart(8)} ${wall.toFixed(1).padStart(8)}  ${smallCpu.toFixed(1).padStart(9)}  ${growth.padStart(6)}  ${cpu <= targetMs ? 'ok' : 'OVER'}`,
        );
      }
    } finally {
      client.close();
    }
  } finally {
    await started.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchRedactRegex();
