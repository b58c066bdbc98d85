import { describe, expect, it } from 'vitest';
import { runFilter, testEvent } from '../../../../tests/support/logstash/run-filter.js';
import { newMap } from '../value.js';
import { mutateFilter } from './mutate-filter.js';

// logstash-filter-mutate v3.5.8 lib/logstash/filters/mutate.rb.
describe('mutate runs its operations in its fixed order', () => {
  it('rename before uppercase, whatever the order written (mutate.rb:246-262)', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { uppercase => ["[log][level]"] rename => { "level" => "[log][level]" } }', [testEvent([['level', 'warn']])]);
    expect(events[0]!.get('[log][level]')).toBe('WARN');
    expect(events[0]!.includes('level')).toBe(false);
  });
  it('rename sprintf-s both names and skips a missing field', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { rename => { "x" => "y" } }', [testEvent([])]);
    expect(events[0]!.includes('y')).toBe(false);
  });
  it('lowercase leaves non-strings alone, arrays element by element', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { lowercase => ["a", "b", "c"] }', [
      testEvent([
        ['a', 'ERROR'],
        ['b', 50n],
        ['c', ['X', 1n]],
      ]),
    ]);
    expect(events[0]!.get('a')).toBe('error');
    expect(events[0]!.get('b')).toBe(50n);
    expect(events[0]!.get('c')).toEqual(['x', 1n]);
  });
  it('strip removes ASCII blanks and the trailing newline (not Unicode spaces)', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { strip => ["message"] }', [testEvent([['message', ' x y\n']])]);
    expect(events[0]!.get('message')).toBe('x y');
    const nbsp = await runFilter(mutateFilter, 'mutate { strip => ["message"] }', [testEvent([['message', '\u00a0x']])]);
    expect(nbsp.events[0]!.get('message')).toBe('\u00a0x');
  });
  it('gsub with Ruby regexps and replacement backreferences', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { gsub => ["message", "\\n$", "", "m2", "(\\w+)=(\\w+)", "\\2=\\1"] }', [
      testEvent([
        ['message', 'a\nb\n'],
        ['m2', 'k=v x=y'],
      ]),
    ]);
    expect(events[0]!.get('message')).toBe('a\nb');
    expect(events[0]!.get('m2')).toBe('v=k y=x');
  });
  it('convert as Ruby to_i / to_f / booleans', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { convert => { "i" => "integer" "f" => "float" "b" => "boolean" "s" => "string" } }', [
      testEvent([
        ['i', '1,234abc'],
        ['f', '1_000.5'],
        ['b', 'yes'],
        ['s', 12.5],
      ]),
    ]);
    expect(events[0]!.get('i')).toBe(1234n);
    expect(events[0]!.get('f')).toBe(1000.5);
    expect(events[0]!.get('b')).toBe(true);
    expect(events[0]!.get('s')).toBe('12.5');
  });
  it('add_field appends to an existing field (decorators.rb) only when the mutate succeeded', async () => {
    const { events } = await runFilter(mutateFilter, 'mutate { add_field => { "[@metadata][input]" => "tcp" } }', [testEvent([['@metadata', newMap([['input', newMap([['tcp', 'x']])]])]])]);
    expect(events[0]!.get('[@metadata][input]')).toEqual([['tcp', 'x'], 'tcp']);
  });
  it('a failing write is rescued: WARN with the values, tag _mutate_error, no decorators', async () => {
    const { events, log } = await runFilter(mutateFilter, 'mutate { rename => { "level" => "[log][level]" } add_tag => ["renamed"] }', [
      testEvent([
        ['log', 'docker text with token=S'],
        ['level', 'info'],
      ]),
    ]);
    expect(events[0]!.get('tags')).toEqual(['_mutate_error']);
    expect(events[0]!.includes('level')).toBe(false);
    expect(log).toEqual([
      expect.objectContaining({
        level: 'warn',
        logger: 'logstash.filters.mutate',
        message: 'Exception caught while applying mutate filter',
        data: {
          exception:
            "Could not set field 'level' on object 'docker text with token=S' to value 'info'.This is probably due to trying to set a field like [foo][bar] = someValuewhen [foo] is not either a map or a string",
        },
      }),
    ]);
  });
  it('strip of a non-string array element raises NoMethodError, rescued', async () => {
    const { events, log } = await runFilter(mutateFilter, 'mutate { strip => ["a"] }', [testEvent([['a', ['x ', 5n]]])]);
    expect(events[0]!.get('tags')).toEqual(['_mutate_error']);
    expect(log[0]!.data).toEqual({ exception: "undefined method `strip' for 5:Integer" });
  });
  it('rejects an unknown conversion at register', async () => {
    await expect(runFilter(mutateFilter, 'mutate { convert => { "a" => "long" } }', [])).rejects.toThrow(/test\.conf:2:12: Couldn't create the filter mutate: Invalid conversion type 'long'/);
  });
});
