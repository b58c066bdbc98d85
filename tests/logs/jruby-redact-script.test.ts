// @stacks jruby
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { loadCanaries, renderCanary } from '../../src/log-stack/log-fixtures.js';
import { carriesId, eventId, runPrefix } from '../../src/log-stack/run-ids.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { redactOptions as redact, redactSourceWithoutTests } from '../../src/logstash/redaction/redact-script.js';
import { wireEvent, wireEventOf } from './jruby-wire-events.js';
const canaries = loadCanaries();
const prefix = runPrefix('j');

let client: JrubyClient | undefined;
async function loadedRedact(ctx: TestContext): Promise<JrubyClient> {
  if (!client) {
    client = (await requireJruby(ctx)).client;
    const loaded = await client.load('redact', redact);
    if (!loaded.loaded) throw new Error(`redact.rb did not load: ${loaded.error.class}: ${loaded.error.message}`);
  }
  return client;
}
afterAll(() => client?.close());

describe('monitoring/logstash/scripts/redact.rb on JRuby, through the ruby filter', () => {
  it('loads, and its own test blocks pass (they run at load, as in Logstash)', async (ctx) => {
    const { client: own } = await requireJruby(ctx);
    try {
      const loaded = await own.load('redact', redact);
      expect(loaded.loaded, JSON.stringify(loaded)).toBe(true);
      // Not vacuous: the script's three test blocks ran, each with its expectation.
      expect(loaded.tests.map((t) => [t.name, t.passed, t.expectations.length])).toEqual([
        ['a password in a nested object and a JSON-quoted one in [event][original]', true, 1],
        ['headers, cookies, JWTs, tokens, keys and card numbers in text and arrays', true, 1],
        ['a card as a number, an e-mail and a secret in a key [with brackets]; ids and counts kept', true, 1],
      ]);
      expect(loaded.logs.find((l) => l.message === 'Test run complete')?.data.results).toBe('{:passed=>3, :failed=>0, :errored=>0}');
    } finally {
      own.close();
    }
  });

  it.for(canaries.map((c, i) => [`${c.kind} in ${c.where.join(' + ')}: ${c.name} (line ${c.at})`, i] as const))('no secret survives: %s', async ([, i], ctx) => {
    const canary = canaries[i]!;
    const id = eventId(prefix, i);
    const line = renderCanary(canary, id);
    const result = await (await loadedRedact(ctx)).filter('redact', [wireEventOf(line)]);
    expect(result.inputs[0]!.exception, 'redact.rb raised').toBeUndefined();
    expect(result.outputs.map((o) => [o.from, o.kind])).toEqual([[0, 'input']]);
    const out = result.outputs[0]!.event;
    // The event is still there (its id in the message), so "no secret" is not vacuous.
    expect(carriesId(JSON.parse(out).data.message, id), out).toBe(true);
    for (const form of [canary.secret, ...(canary.alsoAs ?? [])]) expect(out).not.toContain(form);
    expect(out).not.toContain('_redaction_failure');
  });

  it('keys holding [ or ] (no field reference can name them) are redacted, not wiped (audit 2.11)', async (ctx) => {
    const id = eventId(prefix, 900);
    const wire = wireEvent({ message: `${id} odd keys`, 'a[b]': 'password=Pw-Bracket-91', '[x]': { token: 'Tok-Bracket-92', keep: 'kept-93' }, plain: 'kept-94' }, { debug_stdout: 'true' });
    const result = await (await loadedRedact(ctx)).filter('redact', [wire]);
    expect(result.inputs[0]!.exception).toBeUndefined();
    const out = JSON.parse(result.outputs[0]!.event) as { data: Record<string, unknown>; metadata: Record<string, unknown> };
    expect(out.data.message).toBe(`${id} odd keys`);
    expect(out.data).toMatchObject({ 'a[b]': 'password=[REDACTED]', '[x]': { token: '[REDACTED]', keep: 'kept-93' }, plain: 'kept-94' });
    expect(out.data.tags).toBeUndefined();
    // [@metadata] is the outputs' (logstash.conf reads [@metadata][debug_stdout] after redaction).
    expect(out.metadata).toEqual({ debug_stdout: 'true' });
  });

  it('a failure inside redaction lets nothing through: the event keeps its time, our tags and a marker', async (ctx) => {
    // A fault injected into the script's own walk (the value "boom" raises), so the rescue runs
    // as it would on a real failure; the rest is the script unchanged.
    const { client: own } = await requireJruby(ctx);
    try {
      const fault = "__walk = method(:redact_value)\ndefine_singleton_method(:redact_value) { |k, v, d = 0| raise 'injected fault' if v == 'boom'; __walk.call(k, v, d) }\n";
      const loaded = await own.load('faulty', { ...redact, source: `${redactSourceWithoutTests()}\n${fault}` });
      expect(loaded.loaded, JSON.stringify(loaded)).toBe(true);
      const wire = wireEvent({ message: 'login password=Pw-Fault-95', 'k[1]': 'Tok-Fault-96', deep: { v: 'boom' }, tags: ['error', 'token=Tok-Fault-97'] }, { debug_stdout: 'true' });
      const result = await own.filter('faulty', [wire]);
      expect(result.inputs[0]!.exception).toBeUndefined();
      const text = result.outputs[0]!.event;
      for (const secret of ['Pw-Fault-95', 'Tok-Fault-96', 'Tok-Fault-97']) expect(text).not.toContain(secret);
      const out = JSON.parse(text) as { data: Record<string, unknown>; metadata: Record<string, unknown> };
      expect(out.data).toMatchObject({ message: '[REDACTED: redaction failed with RuntimeError]', tags: ['error', '_redaction_failure'] });
      expect(out.data['@timestamp']).toEqual({ '\u0000timestamp': '2026-11-26T08:00:00.123456789Z' });
      expect(out.metadata).toEqual({ debug_stdout: 'true' });
    } finally {
      own.close();
    }
  });
});
