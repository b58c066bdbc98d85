import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { newMap, type LsValue } from '../value.js';
import { grokFilter } from './grok-filter.js';
import { canonicalOptions } from './test-support/canonical-plugin.js';
import { createFilter, runFilter } from './test-support/filter-harness.js';
import { StandInEvent } from './test-support/stand-in-event.js';

const grok = (values: Record<string, LsValue>) => createFilter(grokFilter, values);
const match = (pairs: Record<string, LsValue>) => newMap(Object.entries(pairs));
const accessLine = '203.0.113.9 - - [26/Nov/2026:08:00:00 +0000] "GET /api/x?y=1 HTTP/1.1" 200 512 "-" "curl/8"';

describe('grok filter (logstash-filter-grok v4.4.3 grok.rb)', () => {
  it('parses an access-log line with the http_request grok of logstash.conf, :int values as Integers', async () => {
    const filter = await grok(canonicalOptions('http_request'));
    const event = new StandInEvent({ message: accessLine });
    expect(runFilter(filter, event).matched).toBe(1);
    expect(event.get('[http][response][status_code]')).toBe(200n);
    expect(event.get('[http][response][body][bytes]')).toBe(512n);
    expect(event.get('[url][original]')).toBe('/api/x?y=1');
    expect(event.get('[@metadata][http_time]')).toBe('26/Nov/2026:08:00:00 +0000');
    // "-" referrer took no part: nil captures are dropped (grok.rb:419).
    expect(event.includes('[http][request][referrer]')).toBe(false);
  });

  it("keeps the TCP line's trailing newline in [message] with the syslog input's own grok (audit 3.1, syslog.rb v3.7.0:98-107)", async () => {
    const filter = await grok({
      match: match({ message: '<%{POSINT:[log][syslog][priority]:int}>%{SYSLOGLINE}' }),
      overwrite: ['message'],
      tag_on_failure: ['_grokparsefailure_sysloginput'],
    });
    const event = new StandInEvent({ message: '<11>2026-11-26T22:10:00.000Z web01 timetable-api[4321]: id-1 database connection refused\n' });
    runFilter(filter, event);
    expect(event.get('message')).toBe('id-1 database connection refused\n');
    expect([event.get('[log][syslog][priority]'), event.get('[process][pid]'), event.get('[host][hostname]')]).toEqual([11n, 4321n, 'web01']);
  });

  it('turns an existing string into [old, new] when capturing into it without overwrite (audit 3.6, grok.rb:436-438)', async () => {
    const filter = await grok(canonicalOptions('http_request'));
    const event = new StandInEvent({ message: accessLine, client: { ip: '198.51.100.7' } });
    runFilter(filter, event);
    expect(event.get('[client][ip]')).toEqual(['198.51.100.7', '203.0.113.9']);
  });

  it('appends to an existing array, and leaves a number or hash alone (grok.rb:429-441)', async () => {
    const filter = await grok({ match: match({ message: '%{WORD:a} %{WORD:b} %{WORD:c}' }), pattern_definitions: match({ WORD: '\\w+' }) });
    const event = new StandInEvent({ message: 'x y z', a: ['w'], b: 5n, c: { k: 1n } });
    runFilter(filter, event);
    expect([event.get('a'), event.get('b'), event.get('c')]).toEqual([['w', 'x'], 5n, match({ k: 1n })]);
  });

  it('overwrites only the fields listed in overwrite (the file_text grok of logstash.conf)', async () => {
    const filter = await grok(canonicalOptions('file_text'));
    const event = new StandInEvent({ message: '2026-11-26T08:00:00Z ERROR [api] boom\n  at x' });
    runFilter(filter, event);
    expect(event.get('message')).toBe('boom\n  at x');
    expect(event.get('[log][level]')).toBe('ERROR');
    expect(event.get('[@metadata][timestamp]')).toBe('2026-11-26T08:00:00Z');
  });

  it('matches a missing field as "" (nil.to_s), and tags _grokparsefailure by default', async () => {
    const filter = await grok({ match: match({ missing: 'x' }) });
    const event = new StandInEvent({});
    expect(runFilter(filter, event).matched).toBe(0);
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('tries every element of an array and succeeds if any matched (grok.rb:350-355)', async () => {
    const filter = await grok({ match: match({ message: '^%{NUMBER:n:int}$|^(?<s>[a-z])$' }) });
    const event = new StandInEvent({ message: ['a', '7', '8', 'b'] });
    expect(runFilter(filter, event).matched).toBe(1);
    // The second Integer is dropped: an existing Integer is neither nil, an Array nor a String.
    expect([event.get('n'), event.get('s')]).toEqual([7n, ['a', 'b']]);
  });

  it('matches numbers through their Ruby to_s (Float 1.0e+20, Integer 12)', async () => {
    const filter = await grok({ match: match({ f: '^(?<s>.*)$', i: '^(?<t>.*)$' }), break_on_match: false });
    const event = new StandInEvent({ f: 1e20, i: 12n });
    runFilter(filter, event);
    expect([event.get('s'), event.get('t')]).toEqual(['1.0e+20', '12']);
  });

  it('with break_on_match => false, a field counts as matched only if its LAST pattern matches (grok.rb:378-391)', async () => {
    const filter = await grok({ match: match({ message: ['^(?<a>a)', '^(?<b>b)'] }), break_on_match: false });
    const event = new StandInEvent({ message: 'a' });
    expect(runFilter(filter, event).matched).toBe(0);
    expect(event.get('a')).toBe('a');
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('logs "Grok regexp threw exception" when a capture cannot be set, and fails that field (grok.rb:359-361)', async () => {
    const filter = await grok({ match: match({ message: '%{IP:[client][ip]}' }) });
    const event = new StandInEvent({ message: '203.0.113.9', client: 'a string' });
    const { matched, log } = runFilter(filter, event);
    expect(matched).toBe(0);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ level: 'warn', message: 'Grok regexp threw exception' });
    expect(String(log[0]!.data!['message'])).toMatch(/^Could not set field 'ip' on object 'a string'/);
    expect(event.get('tags')).toEqual(['_grokparsefailure']);
  });

  it('puts captures under target, and keeps empty captures only with keep_empty_captures', async () => {
    const filter = await grok({ match: match({ message: '^(?<a>x*)-(?<b>y*)$' }), target: 'parsed', keep_empty_captures: true });
    const event = new StandInEvent({ message: 'x-' });
    runFilter(filter, event);
    expect(event.get('parsed')).toEqual(match({ a: 'x', b: '' }));
  });

  it('refuses patterns_dir: the engine loads no pattern files from disk', async () => {
    await expect(grok({ match: match({ message: 'x' }), patterns_dir: ['/opt/patterns'] })).rejects.toThrow(UnmodelledError);
  });

  it('loads the legacy pattern set when ecs_compatibility is disabled (grok.rb:330-332)', async () => {
    const filter = await grok({ match: match({ message: '%{SYSLOGPROG}' }), ecs_compatibility: 'disabled' });
    const event = new StandInEvent({ message: 'sshd[42]' });
    runFilter(filter, event);
    expect([event.get('program'), event.get('pid')]).toEqual(['sshd', '42']);
  });
});
