import { describe, expect, it } from 'vitest';
import { compareShardLists, type ListedTest } from './compare-test-lists.js';

const test = (file: string, name: string): ListedTest => ({ file: `/repo/${file}`, name, projectName: 'unit' });
const a = test('a.test.ts', 'a1');
const b = test('b.test.ts', 'b1');
const twin = test('c.test.ts', 'same name');

describe('compareShardLists', () => {
  it('accepts shards that hold every test once, twins of one name included', () => {
    expect(compareShardLists([a, b, twin, twin], [[a, twin, twin], [b]])).toEqual({ missing: [], duplicated: [], unknown: [] });
  });

  it('names a test no shard holds, a test two shards hold, and one of two twins lost', () => {
    const result = compareShardLists([a, b, twin, twin], [[a, twin], [a]]);
    expect(result.missing).toEqual(['[unit] /repo/b.test.ts > b1', '[unit] /repo/c.test.ts > same name (1 of 2)']);
    expect(result.duplicated).toEqual(['[unit] /repo/a.test.ts > a1 (2 times, 1 unsharded)']);
  });

  it('names a test only a shard holds (the shards listed something the whole run does not)', () => {
    expect(compareShardLists([a], [[a], [b]]).unknown).toEqual(['[unit] /repo/b.test.ts > b1']);
  });
});
