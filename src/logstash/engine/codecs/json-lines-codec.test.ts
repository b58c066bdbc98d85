import { describe, expect, it } from 'vitest';
import { collectingLogger, type LogLine } from '../plugin-log.js';
import { LsTimestamp } from '../value.js';
import { JsonLinesCodec } from './json-lines-codec.js';

const env = { now: () => LsTimestamp.parseInstant('2026-11-26T08:00:00Z'), log: () => {} };
function codec(log: LogLine[] = [], sizeLimit = 1 << 20) {
  return new JsonLinesCodec(env, collectingLogger('logstash.codecs.jsonlines', log), { delimiter: '\n', sizeLimit });
}
const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

// logstash-codec-json_lines v3.2.2 with Event.fromJson (logstash-core v8.17.4).
describe('json_lines decode', () => {
  it('one event per object line; @metadata lifted; integers and floats kept apart', () => {
    const [e] = codec().decode(bytes('{"@metadata":{"input":"file"},"a":5,"b":5.0,"t":"é"}\n'));
    expect(e!.get('[@metadata][input]')).toBe('file');
    expect([e!.get('a'), e!.get('b'), e!.get('t')]).toEqual([5n, 5, 'é']);
  });
  it('an array line gives one event per element; a blank line none', () => {
    expect(codec().decode(bytes('[{"a":1},{"a":2}]\n \n\n'))).toHaveLength(2);
  });
  it('a line that is not a JSON object becomes [message] tagged _jsonparsefailure, with a WARN carrying it', () => {
    const log: LogLine[] = [];
    for (const line of ['{"message": "x truncated', '"just a string"', '[1,2]', '{"@metadata":"str"}']) {
      const [e] = codec(log).decode(bytes(`${line}\n`));
      expect(e!.get('message'), line).toBe(line);
      expect(e!.get('tags')).toEqual(['_jsonparsefailure']);
    }
    expect(log[0]).toMatchObject({ level: 'warn', message: 'JSON parse error, original data now in message field', data: { data: '{"message": "x truncated' } });
  });
  it('an invalid UTF-8 line is escaped as Ruby inspect does, then fails to parse', () => {
    const log: LogLine[] = [];
    const [e] = codec(log).decode(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0x7d, 0x0a]).toString('latin1'));
    expect(e!.get('message')).toBe('{\\"a\\":\\xFF}');
    expect(log[0]!.message).toBe('Received an event that has a different character encoding than you configured.');
  });
  it('flush parses a last line without delimiter', () => {
    const c = codec();
    expect(c.decode(bytes('{"a":1}'))).toEqual([]);
    expect(c.flush()).toHaveLength(1);
  });
});
