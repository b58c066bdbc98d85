import { describe, expect, it } from 'vitest';
import { fieldPath, isFixed, sprintfParts } from './sprintf.js';

describe('sprintfParts', () => {
  it('splits text, field references, Joda dates, java.time dates and epoch', () => {
    expect(sprintfParts('logs-%{+YYYY.MM.dd}')).toEqual([
      { kind: 'text', text: 'logs-' },
      { kind: 'date', format: 'YYYY.MM.dd', style: 'joda' },
    ]);
    expect(sprintfParts('%{[client][ip]} at %{host}-%{{uuuu}}-%{+%s}')).toEqual([
      { kind: 'field', reference: '[client][ip]', path: ['client', 'ip'] },
      { kind: 'text', text: ' at ' },
      { kind: 'field', reference: 'host', path: ['host'] },
      { kind: 'text', text: '-' },
      { kind: 'date', format: 'uuuu', style: 'java-time' },
      { kind: 'text', text: '-' },
      { kind: 'epoch' },
    ]);
  });
  it('leaves an unclosed %{ as text, as Logstash does', () => {
    expect(sprintfParts('a-%{b')).toEqual([{ kind: 'text', text: 'a-%{b' }]);
    expect(isFixed('a-%{b')).toBe(true);
    expect(isFixed('a-%{b}')).toBe(false);
  });
  it('reads field paths', () => {
    expect(fieldPath('[a][b][c]')).toEqual(['a', 'b', 'c']);
    expect(fieldPath('message')).toEqual(['message']);
  });
});
