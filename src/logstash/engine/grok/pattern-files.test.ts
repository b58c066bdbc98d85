import { describe, expect, it } from 'vitest';
import { corePatterns, parsePatternFile } from './pattern-files.js';

describe('pattern files as jls-grok reads them (grok-pure.rb:68-84)', () => {
  it('skips comments and a last line without a pattern; a name alone on its line defines ""', () => {
    // "LONE\n".split(/\s+/, 2) is ["LONE", ""]; "END".split(/\s+/, 2) is ["END"] (pattern nil).
    const text = '# comment\n  NAME  a b \r\nLONE\nEMPTY   \n\nLAST x\nEND';
    expect(parsePatternFile(text)).toEqual([['NAME', 'a b '], ['LONE', ''], ['EMPTY', ''], ['LAST', 'x']]);
  });

  it('loads the ECS set for v1/v8 with the ECS field names', () => {
    expect(corePatterns('ecs-v1').get('SYSLOGPROG')).toBe('%{PROG:[process][name]}(?:\\[%{POSINT:[process][pid]:int}\\])?');
    expect(corePatterns('legacy').get('SYSLOGPROG')).toBe('%{PROG:program}(?:\\[%{POSINT:pid}\\])?');
  });
});
