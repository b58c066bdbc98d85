import { describe, expect, it } from 'vitest';
import { expandGrok } from './grok-expansion.js';

describe('expandGrok', () => {
  const definitions = { NUM: '\\d+', PAIR: '%{NUM:a}-%{NUM:[b][c]:int}', LOOP: 'x%{LOOP2}', LOOP2: '%{LOOP}' };
  it('expands references recursively into groups, whatever field and type they name', () => {
    expect(expandGrok('^%{PAIR}$', definitions)).toEqual({ regex: '^(?:(?:\\d+)-(?:\\d+))$' });
  });
  it('names the first undefined pattern', () => {
    expect(expandGrok('%{NUM} %{IPORHOST:ip}', definitions)).toEqual({ undefinedName: 'IPORHOST' });
  });
  it('reports a cycle with its path', () => {
    expect(expandGrok('%{LOOP}', definitions)).toEqual({ cycle: ['LOOP', 'LOOP2', 'LOOP'] });
  });
  it('leaves plain regular expressions alone', () => {
    expect(expandGrok('(?<x>a)%', definitions)).toEqual({ regex: '(?<x>a)%' });
  });
});
