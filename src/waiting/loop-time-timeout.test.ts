import { describe, expect, it } from 'vitest';
import { loopTimeout } from './loop-time-timeout.js';

/** Keeps the thread busy, as a CPU-heavy synchronous check does. */
function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy on purpose
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('loopTimeout', () => {
  it('fires once its budget of free loop time is spent', async () => {
    let fired = 0;
    loopTimeout(60, () => fired++, { tickMs: 10 });
    // Bounded: 5 s at most, far beyond the 60 ms budget.
    for (let i = 0; i < 500 && fired === 0; i++) await settle(10);
    expect(fired).toBe(1);
  });

  it('does not count a blocked loop as time spent waiting', async () => {
    let fired = 0;
    loopTimeout(200, () => fired++, { tickMs: 20 });
    blockFor(1_000); // five times the budget, in one block
    await settle(50); // a few turns of the loop: at most ~2 ticks + 50 ms counted
    expect(fired).toBe(0);
  });

  it('asks stillWaiting before it decides, so an answer that came meanwhile wins', async () => {
    let fired = 0;
    let asked = 0;
    loopTimeout(20, () => fired++, { tickMs: 5, stillWaiting: () => (asked++, false) });
    for (let i = 0; i < 500 && asked === 0; i++) await settle(5);
    expect(asked).toBe(1);
    expect(fired).toBe(0);
  });

  it('never fires once cancelled', async () => {
    let fired = 0;
    loopTimeout(20, () => fired++, { tickMs: 5 }).cancel();
    await settle(150);
    expect(fired).toBe(0);
  });
});
