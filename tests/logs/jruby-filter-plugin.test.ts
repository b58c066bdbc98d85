// @stacks jruby
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import { wireEvent } from './jruby-wire-events.js';

// logstash-filter-ruby v3.1.8's behaviour, file:line of lib/logstash/filters/ruby.rb and
// ruby/script*.rb in the comments. Scripts are given by their text, under a made-up path.
let client: JrubyClient | undefined;
async function jruby(ctx: TestContext): Promise<JrubyClient> {
  client ??= (await requireJruby(ctx)).client;
  return client;
}
afterAll(() => client?.close());

const script = (body: string) => ({ path: '/usr/share/logstash/scripts/t.rb', source: body });
const data = (wire: string) => JSON.parse(wire).data;

describe('the ruby filter (logstash-filter-ruby 3.1.8) on JRuby', () => {
  it('a failing test block fails the load, naming the test (script.rb:33-39, expect_context.rb:17-39)', async (ctx) => {
    const loaded = await (await jruby(ctx)).load(
      'failing',
      script(`
def filter(event); event.set('x', 1); [event]; end
test 'sets x to one' do
  in_event { { 'a' => 1 } }
  expect('x is 1') { |events| events.first.get('x') == 1 }
end
test 'sets x to two' do
  in_event { { 'a' => 1 } }
  expect('x is 2') { |events| events.first.get('x') == 2 }
end`),
    );
    expect(loaded.loaded).toBe(false);
    if (loaded.loaded) return;
    expect(loaded.error).toEqual({ class: 'LogStash::Filters::Ruby::ScriptError', message: "Script '/usr/share/logstash/scripts/t.rb' had 1 failing tests! Check the error log for details." });
    expect(loaded.tests.map((t) => [t.name, t.passed])).toEqual([
      ['sets x to one', true],
      ['sets x to two', false],
    ]);
    expect(loaded.logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual(["***TEST FAILURE FOR: 'sets x to two x is 2'***"]);
  });

  it('a script without filter, or with a syntax error, fails the load with its Ruby message (script.rb:13-21)', async (ctx) => {
    // script.rb:19 rescues StandardError only: a SyntaxError passes through unwrapped.
    const none = await (await jruby(ctx)).load('none', script('def register(params); end'));
    expect(none.loaded ? '' : none.error.message).toMatch(/^Error during load of '\/usr\/share\/logstash\/scripts\/t\.rb': #<RuntimeError: Script does not define a filter!/);
    const broken = await (await jruby(ctx)).load('broken', script('def filter(event'));
    expect(broken.loaded ? undefined : broken.error).toEqual({ class: 'SyntaxError', message: '/usr/share/logstash/scripts/t.rb:1: syntax error, unexpected end-of-file\n' });
  });

  it('an exception in a path script tags the event and logs only its message (ruby.rb:108-124)', async (ctx) => {
    const c = await jruby(ctx);
    expect((await c.load('raising', { ...script(`def filter(event); raise 'boom ' + event.get('a').to_s; end`), tagWithExceptionMessage: true })).loaded).toBe(true);
    const result = await c.filter('raising', [wireEvent({ a: 7 })]);
    expect(result.inputs[0]).toMatchObject({ matched: false, exception: { class: 'RuntimeError', message: 'boom 7' }, tagsApplied: ['_rubyexception: boom 7', '_rubyexception'] });
    expect(result.inputs[0]!.logs.map((l) => [l.level, l.message])).toEqual([['error', 'Could not process event: boom 7']]);
    expect(data(result.outputs[0]!.event).tags).toEqual(['_rubyexception: boom 7', '_rubyexception']);
  });

  it('inline code: any exception tags with tag_on_exception; init runs once (ruby.rb:60-106)', async (ctx) => {
    const c = await jruby(ctx);
    expect((await c.load('inline', { init: '@n = 0', code: "@n += 1; event.set('n', @n); raise 'odd' if @n.odd?", tagOnException: '_failed' })).loaded).toBe(true);
    const result = await c.filter('inline', [wireEvent({}), wireEvent({})]);
    expect(result.inputs.map((i) => [i.matched, i.exception?.message, i.logs[0]?.message])).toEqual([
      [false, 'odd', 'Ruby exception occurred: odd'],
      [true, undefined, undefined],
    ]);
    expect(result.outputs.map((o) => [data(o.event).n, data(o.event).tags])).toEqual([
      [1, ['_failed']],
      [2, undefined],
    ]);
  });

  it('events a path script returns: new ones follow their input, a missing input is cancelled (ruby.rb:126-138)', async (ctx) => {
    const c = await jruby(ctx);
    expect(
      (
        await c.load('split', {
          ...script(
            `def register(params); @times = params['times']; end\ndef filter(event)\n  return [] if event.get('drop')\n  copies = (1..@times).map { |i| e = event.clone; e.set('copy', i); e }\n  event.get('keep') ? [event] + copies : copies\nend`,
          ),
          scriptParams: { times: 2 },
        })
      ).loaded,
    ).toBe(true);
    const result = await c.filter('split', [wireEvent({ keep: true }), wireEvent({ keep: false }), wireEvent({ drop: true })]);
    expect(result.outputs.map((o) => [o.from, o.kind, data(o.event).copy ?? null])).toEqual([
      [0, 'input', null],
      [0, 'new', 1],
      [0, 'new', 2],
      [1, 'new', 1],
      [1, 'new', 2],
    ]);
  });

  it('a path script returning something else than an array is matched, then tagged (ruby.rb:110-113)', async (ctx) => {
    const c = await jruby(ctx);
    await c.load('nil', script('def filter(event); nil; end'));
    const result = await c.filter('nil', [wireEvent({})]);
    expect(result.inputs[0]).toMatchObject({ matched: true, exception: { message: "Custom script did not return an array from 'filter'. Only arrays may be returned!" } });
    expect(data(result.outputs[0]!.event).tags).toEqual(['_rubyexception']);
  });

  it('inline new_event_block adds events; event.cancel drops the input', async (ctx) => {
    const c = await jruby(ctx);
    await c.load('yield', { code: "e = event.clone; e.set('copy', true); new_event_block.call(e); event.cancel if event.get('drop')" });
    const result = await c.filter('yield', [wireEvent({ drop: false }), wireEvent({ drop: true })]);
    expect(result.outputs.map((o) => [o.from, o.kind])).toEqual([
      [0, 'input'],
      [0, 'new'],
      [1, 'new'],
    ]);
  });

  it('test blocks with parameters and several in_events (test_context.rb:15-60)', async (ctx) => {
    const loaded = await (await jruby(ctx)).load(
      'params',
      script(`
def register(params); @field = params['field']; end
def filter(event); event.set(@field, event.get('v').to_i * 2); [event]; end
test 'doubles into the field it is given' do
  parameters { { 'field' => 'out' } }
  in_event { [{ 'v' => 1 }, { 'v' => 2 }] }
  expect('two events, doubled') { |events| events.map { |e| e.get('out') } == [2, 4] }
end`),
    );
    expect(loaded).toMatchObject({ loaded: true, tests: [{ name: 'doubles into the field it is given', passed: true }] });
  });
});
