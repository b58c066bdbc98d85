import { describe, expect, it } from 'vitest';
import { pollUntil, PollTimeoutError } from './poll-until.js';

describe('pollUntil', () => {
  it('returns the first defined value', async () => {
    let calls = 0;
    const value = await pollUntil(() => (++calls === 3 ? 'ready' : undefined), { timeoutMs: 2000, intervalMs: 5, what: 'ready' });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('gives up after its timeout, naming what it waited for and what it last saw', async () => {
    const error = await pollUntil(
      () => undefined,
      { timeoutMs: 50, intervalMs: 10, what: 'the alert to fire' },
      () => ({ state: 'pending' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as Error).message).toMatch(/waiting for the alert to fire; last seen: \{"state":"pending"\}/);
  });

  it('treats a throwing attempt as not yet, and reports the last error', async () => {
    const error = await pollUntil(
      () => {
        throw new Error('ECONNREFUSED');
      },
      { timeoutMs: 30, intervalMs: 10, what: 'the server' },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('last seen: ECONNREFUSED');
  });
});
