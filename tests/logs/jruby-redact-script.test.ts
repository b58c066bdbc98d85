import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { loadCanaries, renderCanary } from '../../src/pipeline/log-fixtures.js';
import { carriesId, eventId, runPrefix } from '../../src/pipeline/run-ids.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { wireEventOf } from './jruby-wire-events.js';

// The pipeline names the script by its path in the Logstash container (logstash.conf:263).
const redact = { path: '/usr/share/logstash/scripts/redact.rb', file: 'monitoring/logstash/scripts/redact.rb', tagOnException: '_redaction_failure' };
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
        ['headers, cookies, JWTs and card numbers in text and arrays', true, 1],
        ['a card number sent as a JSON number, an e-mail, and ordinary numbers kept', true, 1],
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
});
