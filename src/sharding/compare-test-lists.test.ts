import { describe, expect, it } from 'vitest';
import { compareShardLists, type ListedTest } from './compare-test-lists.js';

const test = (file: string, line: number, name: string): ListedTest => ({ file: `/repo/${file}`, name, projectName: 'unit', location: { line, column: 3 } });
const a = test('a.test.ts', 4, 'a1');
const b = test('b.test.ts', 7, 'b1');
// Two tests a loop declares at one position.
const looped = [test('c.test.ts', 9, 'case 1'), test('c.test.ts', 9, 'case 2')];

describe('compareShardLists', () => {
  it('accepts shards that hold every test once, the tests of a loop included', () => {
    expect(compareShardLists([a, b, ...looped], [[a, ...looped], [b]], '/repo')).toEqual({ missing: [], duplicated: [], unknown: [] });
  });

  it('knows a test by its position, so a name that differs per process (a random seed) is the same test', () => {
    expect(compareShardLists([test('p.test.ts', 5, 'seed 646136979')], [[test('p.test.ts', 5, 'seed 646448375')], []], '/repo').missing).toEqual([]);
  });

  it('names a test no shard holds, a test two shards hold, and one test of a loop lost', () => {
    const result = compareShardLists([a, b, ...looped], [[a, looped[0]!], [a]], '/repo');
    expect(result.missing).toEqual(['[unit] b.test.ts:7:3 > b1', '[unit] c.test.ts:9:3 > case 1 (1 of the 2 tests there)']);
    expect(result.duplicated).toEqual(['[unit] a.test.ts:4:3 > a1 (2 times, 1 unsharded)']);
  });

  it('names a test only a shard holds (the shards listed something the whole run does not)', () => {
    expect(compareShardLists([a], [[a], [b]], '/repo').unknown).toEqual(['[unit] b.test.ts:7:3 > b1']);
  });
});
