// @stacks jruby
import { afterAll, describe, expect, it } from 'vitest';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { timeRedactRegexes, worstPerRegex } from '../../src/logstash/redaction/regex-timing.js';

/**
 * A guard, not a measurement (bench/redact-regex.ts measures): every regular expression of
 * redact.rb against 64 KB adversarial inputs, on JRuby, must stay under a BOUND of 2 s of
 * CPU time per input. A linear regex takes a few milliseconds there (the target is 50 ms);
 * one that backtracks quadratically or worse takes minutes to hours (KEY_VALUE took 136 s on
 * 20 KB of `a-a-a`, audit 2.3). Two orders of magnitude on each side of the bound, so the
 * verdict does not depend on how loaded the machine is. Thread CPU time, not wall time: the
 * machine's other processes do not count. A run past 30 s of wall time is cut and fails.
 */
const boundCpuMs = 2_000;

let client: JrubyClient | undefined;
afterAll(() => client?.close());

describe('redact.rb: every regex linear in its input (audit 2.3)', () => {
  it(`each regex, on each 64 KB adversarial input, under ${boundCpuMs} ms of CPU`, async (ctx) => {
    client = (await requireJruby(ctx)).client;
    const { timings, sizes } = await timeRedactRegexes(client, { size: 65_536, runs: 1, limitMs: 30_000 });
    const worst = worstPerRegex(timings).map(([r, i, c, w]) => `${r} ${c} ms CPU (${w} ms wall) on ${i}`);
    // The figures, in every run's log (CI included): the slowest input of each regex.
    console.log(`[redact-regex] 64 KB adversarial inputs, slowest per regex (target 50 ms):\n  ${worst.join('\n  ')}`);
    expect(Object.values(sizes).every((s) => s === 65_536)).toBe(true);
    // Not vacuous: the script's regexes were found and tried on each input.
    expect(Object.keys(timings).length).toBeGreaterThan(10);
    expect(Object.values(timings).every((byInput) => Object.keys(byInput).length === Object.keys(sizes).length)).toBe(true);
    const slow = Object.entries(timings).flatMap(([regex, byInput]) =>
      Object.entries(byInput)
        .filter(([, [cpu]]) => cpu > boundCpuMs)
        .map(([input, [cpu, wall]]) => `${regex} on ${input}: ${cpu} ms CPU (${wall} ms wall)`),
    );
    expect(slow, `slowest: ${worst.slice(0, 5).join('; ')}`).toEqual([]);
  }, 3_600_000);
});
