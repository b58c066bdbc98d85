import { expect, it } from 'vitest';
import { HoveringGauge } from './hovering-gauge.js';

/** Lengths of the runs of "window mean above the threshold" and "not above", in scrapes. */
function runs(values: number[], window: number, threshold: number): { above: number[]; below: number[] } {
  const above: number[] = [];
  const below: number[] = [];
  let current: boolean | undefined;
  let length = 0;
  values.forEach((_, i) => {
    const kept = values.slice(Math.max(0, i - window + 1), i + 1);
    const isAbove = kept.reduce((s, v) => s + v, 0) / kept.length > threshold;
    if (isAbove === current) length++;
    else {
      if (current !== undefined) (current ? above : below).push(length);
      current = isAbove;
      length = 1;
    }
  });
  return { above, below };
}

it('hover keeps the window mean crossing the threshold, long above and short below, after a nearly full pool, also once the window is full', () => {
  const gauge = new HoveringGauge();
  gauge.set({ kind: 'constant', value: 0.95 });
  const values = Array.from({ length: 25 }, () => gauge.next() ?? Number.NaN);
  gauge.set({ kind: 'hover', threshold: 0.8, step: 0.1, aboveSamples: 28, belowSamples: 6, windowSamples: 120, min: 0, max: 1 });
  values.push(...Array.from({ length: 500 }, () => gauge.next() ?? Number.NaN));
  const { above, below } = runs(values, 120, 0.8);
  // The nearly full pool's run lasts into the hover. Later runs stray from the program where a
  // value would leave [0, 1] (clamped), but stay on their side of 20 samples (the compressed
  // PoolExhausted's for and keep_firing_for: 50 s of 2.5 s scrapes).
  expect(above[0]).toBeGreaterThan(25);
  expect(below.length).toBeGreaterThanOrEqual(10);
  for (const b of below) expect(b).toBeLessThan(16);
  for (const a of above.slice(1, -1)) expect(a).toBeGreaterThan(24);
  expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
});

it('exports nothing until a program is set', () => {
  expect(new HoveringGauge().next()).toBeUndefined();
});

it('refuses a hover whose threshold is not between its values', () => {
  expect(() => new HoveringGauge().set({ kind: 'hover', threshold: 1.2, step: 0.1, aboveSamples: 4, belowSamples: 4, windowSamples: 10, min: 0, max: 1 })).toThrow(/min < threshold < max/);
});
