import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { newMap } from '../value.js';
import { grokFilter } from './grok-filter.js';
import { canonicalPlugin, pluginText } from '../../../../tests/support/logstash/canonical-plugin.js';
import { filterKit } from '../../../../tests/support/logstash/filter-kit.js';

const canonical = (id: string) => filterKit(grokFilter, canonicalPlugin(id));
const grok = (text: string) => filterKit(grokFilter, pluginText(`grok { ${text} }`));
const accessLine = '203.0.113.9 - - [26/Nov/2026:08:00:00 +0000] "GET /api/x?y=1 HTTP/1.1" 200 512 "-" "curl/8"';

describe('grok filter (logstash-filter-grok v4.4.3 grok.rb)', () => {
  it('parses an access-log line with the http_request grok of logstash.conf, :int values as Integers', async () => {
    const { event, matched } = await (await canonical('http_request')).run({ message: accessLine });
    expect(matched).toBe(true);
    expect(event.get('[http][response][status_code]')).toBe(200n);
    expect(event.get('[http][response][body][bytes]')).toBe(512n);
    expect(event.get('[url][original]')).toBe('/api/x?y=1');
    expect(event.get('[@metadata][http_time]')).toBe('26/Nov/2026:08:00:00 +0000');
    expect(event.get('tags')).toEqual(['http']);
    // "-" referrer took no part: nil captures are dropped (grok.rb:419).
    expect(event.includes('[http][request][referrer]')).toBe(false);
  });

  it("keeps the TCP line's trailing newline in [message] with the syslog input's own grok (audit 3.1, syslog.rb v3.7.0:98-107)", async () => {
    const kit = await grok('match => { "message" => "<%{POSINT:[log][syslog][priority]:int}>%{SYSLOGLINE}" } overwrite => "message" tag_on_failure => ["_grokparsefailure_sysloginput"]');
    const { event } = await kit.run({ message: '<11>2026-11-26T22:10:00.000Z web01 timetable-api[4321]: id-1 database connection refused\n' });
    expect(event.get('message')).toBe('id-1 database connection refused\n');
    expect([event.get('[log][syslog][priority]'), event.get('[process][pid]'), event.get('[host][hostname]')]).toEqual([11n, 4321n, 'web01']);
  });

  it('turns an existing string into [old, new] when capturing into it without overwrite (audit 3.6, grok.rb:436-438)', async () => {
    const kit = await grok('match => { "message" => "%{WORD:a}" } pattern_definitions => { "WORD" => "\\b\\w+\\b" }');
    expect((await kit.run({ message: 'new', a: 'old' })).event.get('a')).toEqual(['old', 'new']);
  });

  it('the http_request grok of logstash.conf overwrites a [client][ip] a JSON log sent (the fix of audit 3.6)', async () => {
    const { event } = await (await canonical('http_request')).run({ message: accessLine, client: { ip: '198.51.100.7' } });
    expect(event.get('[client][ip]')).toEqual('203.0.113.9');
  });

  it('appends to an existing array, and leaves a number or hash alone (grok.rb:429-441)', async () => {
    const kit = await grok('match => { "message" => "%{WORD:a} %{WORD:b} %{WORD:c}" } pattern_definitions => { "WORD" => "\\b\\w+\\b" }');
    const { event } = await kit.run({ message: 'x y z', a: ['w'], b: 5n, c: { k: 1n } });
    expect([event.get('a'), event.get('b'), event.get('c')]).toEqual([['w', 'x'], 5n, newMap([['k', 1n]])]);
  });

  it('overwrites only the fields listed in overwrite (the file_text grok of logstash.conf)', async () => {
    const { event } = await (await canonical('file_text')).run({ message: '2026-11-26T08:00:00Z ERROR [api] boom\n  at x' });
    expect(event.get('message')).toBe('boom\n  at x');
    expect(event.get('[log][level]')).toBe('ERROR');
    expect(event.get('[@metadata][timestamp]')).toBe('2026-11-26T08:00:00Z');
  });

  it('matches a missing field as "" (nil.to_s), and tags _grokparsefailure by default', async () => {
    const { event, matched } = await (await grok('match => { "missing" => "x" }')).run({});
    expect(matched).toBe(false);
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('tries every element of an array and succeeds if any matched (grok.rb:350-355)', async () => {
    const kit = await grok('match => { "message" => "^%{NUMBER:n:int}$|^(?<s>[a-z])$" } pattern_definitions => { "NUMBER" => "\\d+" }');
    const { event, matched } = await kit.run({ message: ['a', '7', '8', 'b'] });
    expect(matched).toBe(true);
    // The second Integer is dropped: an existing Integer is neither nil, an Array nor a String.
    expect([event.get('n'), event.get('s')]).toEqual([7n, ['a', 'b']]);
  });

  it('matches numbers and hashes through Ruby #to_s (1.0e+20, 12, {"k"=>1})', async () => {
    const kit = await grok('match => { "f" => "^(?<s>.*)$" "i" => "^(?<t>.*)$" "h" => "^(?<u>.*)$" } break_on_match => false');
    const { event } = await kit.run({ f: 1e20, i: 12n, h: { k: 1n } });
    expect([event.get('s'), event.get('t'), event.get('u')]).toEqual(['1.0e+20', '12', '{"k"=>1}']);
  });

  it('with break_on_match => false, a field counts as matched only if its LAST pattern matches (grok.rb:378-391)', async () => {
    const kit = await grok('match => { "message" => ["^(?<a>a)", "^(?<b>b)"] } break_on_match => false');
    const { event, matched } = await kit.run({ message: 'a' });
    expect(matched).toBe(false);
    expect(event.get('a')).toBe('a');
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('logs "Grok regexp threw exception" when a capture cannot be set, and fails that field (grok.rb:359-361)', async () => {
    const kit = await grok('match => { "message" => "%{IP:[client][ip]}" }');
    const { event, matched } = await kit.run({ message: '203.0.113.9', client: 'a string' });
    expect(matched).toBe(false);
    // Register already logged grok.rb:336's ECS v8 warning; the event adds one line.
    expect(kit.log.map((l) => l.message)).toEqual([expect.stringMatching(/^ECS v8 support is a preview/), 'Grok regexp threw exception']);
    expect(kit.log[1]).toMatchObject({ level: 'warn', logger: 'logstash.filters.grok', where: 'test.conf:2:3' });
    expect(String(kit.log[1]!.data!.message)).toMatch(/^Could not set field 'ip' on object 'a string'/);
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('puts captures under target, and keeps empty captures only with keep_empty_captures', async () => {
    const kit = await grok('match => { "message" => "^(?<a>x*)-(?<b>y*)$" } target => "parsed" keep_empty_captures => true');
    const { event } = await kit.run({ message: 'x-' });
    expect(event.get('parsed')).toEqual(
      newMap([
        ['a', 'x'],
        ['b', ''],
      ]),
    );
  });

  it('refuses patterns_dir at its file:line: the engine loads no pattern files from disk', async () => {
    await expect(grok('match => { "message" => "x" } patterns_dir => ["/opt/patterns"]')).rejects.toThrow(UnmodelledError);
    await expect(grok('match => { "message" => "x" } patterns_dir => ["/opt/patterns"]')).rejects.toThrow(/^test\.conf:2:/);
  });

  it('refuses ecs_compatibility => disabled: the legacy pattern set (grok.rb:330-332) is not modelled', async () => {
    await expect(grok('match => { "message" => "%{SYSLOGPROG}" } ecs_compatibility => "disabled"')).rejects.toThrow(/legacy set of logstash-patterns-core/);
  });
});
