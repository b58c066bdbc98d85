import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../sources/repo-files.js';
import { LsTimestamp } from '../value.js';
import { feedLines } from './feed.js';
import { LogstashPipeline } from './pipeline.js';

// The inputs of monitoring/logstash/pipeline/logstash.conf, without its ruby filters (those need
// JRuby: tests/logs), to pin what each input makes of the harness's bytes.
const config = `
input {
  tcp { port => 5000 codec => json_lines { decode_size_limit_bytes => 64 } add_field => { "[@metadata][input]" => "tcp" } }
  syslog { port => 5140 timezone => "UTC" add_field => { "[@metadata][input]" => "syslog" } }
  file {
    path => ["/var/log/*", "/var/log/**/*.log"]
    exclude => ["*.gz"]
    codec => multiline { pattern => "^(\\{|\\[?\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2})" negate => true what => "previous" auto_flush_interval => 2 max_lines => 3 }
    add_field => { "[@metadata][input]" => "file" }
  }
}
filter { mutate { add_field => { "[@metadata][seen]" => "yes" } } }
output { elasticsearch { index => "logs-%{+YYYY.MM.dd}" data_stream => "false" ilm_enabled => "false" manage_template => false } }
`;
const now = LsTimestamp.parseInstant('2026-11-26T08:00:00Z');
const load = () => LogstashPipeline.load({ file: 'test.conf', text: config, root: repoRoot, now: () => now });

describe('tcp + json_lines (logstash-input-tcp v6.4.6, codec v3.2.2)', () => {
  it('[@metadata][input] becomes an array: the peer hash, then "tcp" (audit 3.3)', async () => {
    const p = await load();
    const { events } = feedLines(p, 'tcp', ['{"message":"a"}']);
    expect(events[0]!.get('[@metadata][input]')).toEqual([['tcp', { source: { name: '172.17.0.1', ip: '172.17.0.1', port: 41234n } }], 'tcp']);
  });
  it('a line over decode_size_limit_bytes arriving in a later read closes the connection: the rest is lost (audit 2.6)', async () => {
    const p = await load();
    const long = `{"message":"${'x'.repeat(3000)}"}`;
    const fed = feedLines(p, 'tcp', ['{"message":"before"}', long, '{"message":"after"}']);
    expect(fed.events.map((e) => e.get('message'))).toEqual(['before']);
    expect(fed.incidents[0]).toMatch(/closed the connection \(java\.lang\.IllegalStateException: input buffer full/);
    expect(p.log.some((l) => l.logger === 'org.logstash.tcp.InputLoop' && l.level === 'error')).toBe(true);
  });
});

describe('syslog (logstash-input-syslog v3.7.0)', () => {
  it('over TCP the line keeps its "\\n" in message and event.original (audit 3.1)', async () => {
    const p = await load();
    const { events } = feedLines(p, 'syslog-tcp', ['<11>2026-11-26T22:10:00.000Z web01 api[4321]: x refused']);
    const e = events[0]!;
    expect([e.get('message'), e.get('[event][original]')]).toEqual(['x refused\n', '<11>2026-11-26T22:10:00.000Z web01 api[4321]: x refused\n']);
    expect([e.get('[log][syslog][severity][code]'), e.get('[host][hostname]'), e.get('[process][pid]'), e.get('[service][type]')]).toEqual([3n, 'web01', 4321n, 'system']);
    expect(e.timestamp.toString()).toBe('2026-11-26T22:10:00.000Z');
    expect(e.includes('timestamp')).toBe(false);
  });
  it('over UDP there is no newline', async () => {
    const p = await load();
    const { events } = feedLines(p, 'syslog-udp', ['<14>2026-11-26T22:11:00.000Z web02 cron[99]: done']);
    expect(events[0]!.get('message')).toBe('done');
    expect(events[0]!.get('[log][syslog][severity][name]')).toBe('Informational');
  });
  it('an unparsable line gets priority 0: Emergency / kernel (audit 3.2)', async () => {
    const p = await load();
    const { events } = feedLines(p, 'syslog-udp', ['not syslog at all']);
    const e = events[0]!;
    expect(e.get('tags')).toEqual(['_grokparsefailure_sysloginput']);
    expect([e.get('[log][syslog][priority]'), e.get('[log][syslog][severity][name]'), e.get('[log][syslog][facility][name]')]).toEqual([0n, 'Emergency', 'kernel']);
    expect(e.timestamp).toEqual(now);
  });
});

describe('file + multiline (logstash-input-file v4.4.6, codec v3.1.2)', () => {
  it('joins continuation lines, tags multiline, sets [log][file][path] and [event][original]', async () => {
    const p = await load();
    const { events } = feedLines(p, 'file', ['2026-11-26T23:59:59.999Z ERROR boom', '    at x', '2026-11-27T00:00:00Z INFO next']);
    expect(events.map((e) => e.get('message'))).toEqual(['2026-11-26T23:59:59.999Z ERROR boom\n    at x', '2026-11-27T00:00:00Z INFO next']);
    expect(events[0]!.get('tags')).toEqual(['multiline']);
    expect(events[0]!.get('[log][file][path]')).toBe('/var/log/timetable/harness.log');
    expect(events[0]!.get('[event][original]')).toBe(events[0]!.get('message'));
  });
  it('an access-log line does not start an entry: it is glued to the one before (audit 2.8), up to max_lines + 1', async () => {
    const p = await load();
    const access = '8.8.4.4 - - [26/Nov/2026:21:00:00 +0000] "GET / HTTP/1.1" 200 5';
    const { events } = feedLines(p, 'file', ['2026-11-26T20:00:00Z INFO start', access, access, access, access]);
    expect(events.map((e) => e.get('message')!.toString().split('\n').length)).toEqual([4, 1]);
    expect(events[0]!.get('tags')).toEqual(['multiline', 'multiline_codec_max_lines_reached']);
  });
});

describe('outputs', () => {
  it('the document is event.to_hash as JSON (no [@metadata]), the index from @timestamp in UTC', async () => {
    const p = await load();
    const { events } = feedLines(p, 'tcp', ['{"@timestamp":"2026-11-26T23:59:58.250Z","n":5,"f":2.0}']);
    const [processed] = await p.process(events);
    const delivery = processed!.deliveries[0]!;
    expect(delivery).toMatchObject({ output: 'elasticsearch', index: 'logs-2026.11.26' });
    expect(JSON.parse((delivery as { document: string }).document)).toEqual({ '@timestamp': '2026-11-26T23:59:58.250Z', '@version': '1', n: 5, f: 2 });
    expect((delivery as { document: string }).document).toContain('"f":2.0');
  });
});
