import { describe, expect, it } from 'vitest';
import { selectStacks } from './select-stacks.js';
import type { StackDefinition } from './stack.js';

const stack = (key: string): StackDefinition<unknown> => ({ key, start: () => Promise.reject(new Error('not started in this test')) });
const all = [stack('smoke'), stack('e2e-live'), stack('e2e-alertmanager')];

describe('selectStacks', () => {
  it('starts every stack when HARNESS_STACKS is unset or empty', () => {
    expect(selectStacks(all, undefined).start.map((d) => d.key)).toEqual(['smoke', 'e2e-live', 'e2e-alertmanager']);
    expect(selectStacks(all, ' ').skipped).toEqual({});
  });

  it('starts only the named stacks; the others are unavailable, naming the variable', () => {
    const { start, skipped } = selectStacks(all, 'e2e-live, e2e-alertmanager');
    expect(start.map((d) => d.key)).toEqual(['e2e-live', 'e2e-alertmanager']);
    expect(Object.keys(skipped)).toEqual(['smoke']);
    expect(skipped.smoke).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('HARNESS_STACKS=e2e-live, e2e-alertmanager') });
  });

  it('refuses an unknown key, listing the valid ones', () => {
    expect(() => selectStacks(all, 'e2e-lve')).toThrow('HARNESS_STACKS names unknown stacks: e2e-lve; the stacks are: smoke, e2e-live, e2e-alertmanager');
  });
});
