// @stacks jruby
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { wireEvent } from './jruby-wire-events.js';

const clients: JrubyClient[] = [];
async function connect(ctx: TestContext): Promise<JrubyClient> {
  const { client } = await requireJruby(ctx);
  clients.push(client);
  return client;
}
afterAll(() => clients.forEach((c) => c.close()));

describe('the JRuby stand-in server', () => {
  it('says which JRuby it is', async (ctx) => {
    const { info } = await requireJruby(ctx);
    const c = await connect(ctx);
    expect(await c.ping()).toMatchObject({ jruby: info.jruby, ruby: info.ruby });
    expect(info.jruby).toMatch(/^9\.4\./);
    expect(info.report).toContain(info.pinned);
  });

  it('survives what a script does wrong, and answers the next request', async (ctx) => {
    const c = await connect(ctx);
    await expect(c.filter('never-loaded', [wireEvent({})])).rejects.toThrow(/no ruby filter loaded under id "never-loaded"/);
    await c.load('noop', { code: '' });
    await expect(c.filter('noop', [wireEvent({}), '{"data": 5}'])).rejects.toThrow(/event 1 is not a wire event: "data" must be an object/);
    // An exception that escapes a path script's rescue (ruby.rb:114 takes StandardError only):
    // Logstash's worker would die; here the request fails, naming it.
    await c.load('escapes', { path: '/t.rb', source: 'def filter(event); raise NotImplementedError, "escaped"; end' });
    await expect(c.filter('escapes', [wireEvent({})])).rejects.toThrow(/event 0: NotImplementedError: escaped .*the pipeline worker would stop/);
    expect((await c.ping()).jruby).toMatch(/^9\.4\./);
  });

  it('bounds a request: a script that never ends is interrupted, and the server goes on', async (ctx) => {
    const c = await connect(ctx);
    await c.load('forever', { code: 'loop { }' });
    await expect(c.filter('forever', [wireEvent({})], { timeoutMs: 2000 })).rejects.toThrow(/RequestTimeout: filter did not finish within 2000 ms/);
    expect((await c.ping()).jruby).toMatch(/^9\.4\./);
  });

  it('keeps each connection’s filters to itself', async (ctx) => {
    const [a, b] = [await connect(ctx), await connect(ctx)];
    await a.load('mine', { code: "event.set('who', 'a')" });
    await expect(b.filter('mine', [wireEvent({})])).rejects.toThrow(/no ruby filter loaded/);
    expect(JSON.parse((await a.filter('mine', [wireEvent({})])).outputs[0]!.event).data.who).toBe('a');
  });
});
