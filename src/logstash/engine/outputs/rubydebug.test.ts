import { describe, expect, it } from 'vitest';
import { LsTimestamp, newMap } from '../value.js';
import { rubydebug } from './rubydebug.js';

// logstash-codec-rubydebug v3.1.0: event.to_hash.ai (amazing_print 1.6.0, plain).
describe('rubydebug', () => {
  it('right-aligns keys behind four spaces per level, indexes arrays', () => {
    const text = rubydebug(
      newMap([
        ['message', 'a "b"'],
        ['@timestamp', LsTimestamp.parseInstant('2026-11-26T08:00:00Z')],
        ['tags', ['x', 'y']],
        ['log', newMap([['level', 'info']])],
        ['n', 5n],
        ['f', 1.5],
        ['z', null],
      ]),
    );
    expect(text).toBe(
      [
        '{',
        '       "message" => "a \\"b\\"",',
        '    "@timestamp" => 2026-11-26T08:00:00.000Z,',
        '          "tags" => [',
        '        [0] "x",',
        '        [1] "y"',
        '    ],',
        '           "log" => {',
        '        "level" => "info"',
        '    },',
        '             "n" => 5,',
        '             "f" => 1.5,',
        '             "z" => nil',
        '}',
        '',
      ].join('\n'),
    );
  });
});
