import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JrubyClient } from '../jruby/jruby-client.js';
import { loadRedact, redactOptions, redactSourceWithoutTests } from './redact-script.js';

/** [cpu ms, wall ms] of the fastest run. */
export type Timing = [number, number];
/** Per Regexp constant of redact.rb (and `redact_text (all rules)`), per adversarial input. */
export type RegexTimings = Record<string, Record<string, Timing>>;

const harness = readFileSync(fileURLToPath(new URL('./regex-timing.rb', import.meta.url)), 'utf8');

/**
 * Times every regular expression of redact.rb on the run's JRuby against adversarial inputs
 * of `size` bytes (regex-timing.rb builds them there, so nothing large crosses the socket).
 * A measurement past `limitMs` is interrupted and reported as `limitMs`.
 */
export async function timeRedactRegexes(client: JrubyClient, options: { size?: number; runs?: number; limitMs?: number } = {}): Promise<{ timings: RegexTimings; sizes: Record<string, number> }> {
  const id = 'redact-regex-timing';
  const limitMs = options.limitMs ?? 60_000;
  await loadRedact(client, id, { ...redactOptions, source: `${redactSourceWithoutTests()}\n${harness}` });
  const wire = JSON.stringify({ data: { '@timestamp': { '\u0000timestamp': '2026-11-26T08:00:00.000Z' } }, metadata: { size: options.size ?? 65_536, runs: options.runs ?? 2, limit_ms: limitMs } });
  // Every measurement is cut at limitMs inside JRuby; the request as a whole gets room for all of them.
  const result = await client.filter(id, [wire], { timeoutMs: 3_600_000 });
  const failure = result.inputs[0]?.exception;
  if (failure) throw new Error(`the regex timing harness raised on JRuby: ${failure.class}: ${failure.message}`);
  const data = JSON.parse(result.outputs[0]!.event).data as { timings: RegexTimings; sizes: Record<string, number> };
  return { timings: data.timings, sizes: data.sizes };
}

/** The slowest input of each regex: [regex, input, cpu ms, wall ms], slowest first. */
export function worstPerRegex(timings: RegexTimings): [string, string, number, number][] {
  return Object.entries(timings)
    .map(([regex, byInput]) => {
      const [input, [cpu, wall]] = Object.entries(byInput).sort((a, b) => b[1][0] - a[1][0])[0]!;
      return [regex, input, cpu, wall] as [string, string, number, number];
    })
    .sort((a, b) => b[2] - a[2]);
}
