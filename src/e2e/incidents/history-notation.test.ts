import { describe, expect, it } from 'vitest';
import { expandSegment, NotationError, parseOffset } from './history-notation.js';

const minute = 60_000;
const values = (samples: { offsetMs: number; value: number }[]) => samples.map((s) => s.value);
const notationError = (run: () => unknown): NotationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof NotationError) return error;
    throw error;
  }
  throw new Error('expected a NotationError');
};

describe('parseOffset', () => {
  it.each([
    ['-30d', -30 * 24 * 60 * minute],
    ['+3m', 3 * minute],
    ['-1w15m', -(7 * 24 * 60 + 15) * minute],
    ['now', 0],
    ['0', 0],
    [0, 0],
  ])('reads %s', (text, ms) => expect(parseOffset(text)).toBe(ms));

  it.each(['30d', '-', '+0s', 'yesterday', '-5 minutes', 5])('refuses %s', (text) => expect(parseOffset(text)).toBeUndefined());
});

describe('expandSegment', () => {
  const segment = { fromMs: -2 * minute, toMs: 0, stepMs: 15_000 };

  it('puts one sample every step from `from` up to, not including, `to`', () => {
    const samples = expandSegment(segment, '7', undefined);
    expect(samples.map((s) => s.offsetMs)).toEqual([-120_000, -105_000, -90_000, -75_000, -60_000, -45_000, -30_000, -15_000]);
    expect(values(samples)).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
  });

  it('lets the last token run to the end, stepping', () => {
    expect(values(expandSegment(segment, '0+150', undefined))).toEqual([0, 150, 300, 450, 600, 750, 900, 1050]);
    expect(values(expandSegment(segment, '95e9-1e8', undefined)).at(-1)).toBe(95e9 - 7e8);
  });

  // A gauge that flaps (issue 12, behaviour 5) repeats a short pattern for minutes.
  it('repeats a group: (a b c)xn is the group n+1 times, as axn is n+1 samples', () => {
    expect(values(expandSegment(segment, '(10 10 5)x1 7 7', undefined))).toEqual([10, 10, 5, 10, 10, 5, 7, 7]);
    expect(values(expandSegment(segment, '(1 _)x3', undefined))).toEqual([1, 1, 1, 1]);
    expect(values(expandSegment(segment, '(0+1x1 9)x1 8x1', undefined))).toEqual([0, 1, 9, 0, 1, 9, 8, 8]);
  });

  it('refuses a group without its count, or with unbalanced parentheses', () => {
    expect(notationError(() => expandSegment(segment, '(10 5) 7', undefined)).hint).toMatch(/\(a b\)xn/);
    expect(notationError(() => expandSegment(segment, '(10 5x3', undefined)).message).toMatch(/parenthes/);
    expect(notationError(() => expandSegment(segment, '10 5)x3', undefined)).message).toMatch(/parenthes/);
  });

  it('reads promtool counts: a+bxn is n+1 samples, _xn is n gaps', () => {
    const samples = expandSegment(segment, '1x2 _x2 5+1x2', undefined);
    expect(samples.map((s) => [s.offsetMs, s.value])).toEqual([
      [-120_000, 1],
      [-105_000, 1],
      [-90_000, 1],
      [-45_000, 5],
      [-30_000, 6],
      [-15_000, 7],
    ]);
  });

  it('continues from the value before with `last`', () => {
    expect(values(expandSegment({ fromMs: 0, toMs: 45_000, stepMs: 15_000 }, 'last+10', 1000))).toEqual([1000, 1010, 1020]);
    expect(values(expandSegment({ fromMs: 0, toMs: 60_000, stepMs: 15_000 }, '3x1 last-1', undefined))).toEqual([3, 3, 3, 2]);
  });

  it('refuses `last` in a first segment', () => {
    const error = notationError(() => expandSegment(segment, 'last+1', undefined));
    expect([error.field, error.message]).toEqual(['values', '`last` has no previous segment to continue from']);
  });

  it('refuses counts that do not fill the segment exactly', () => {
    const error = notationError(() => expandSegment(segment, '0+1x3', undefined));
    expect(error.message).toBe('the values give 4 samples, but from..to every step holds 8');
  });

  it('refuses a stepping token without a count before the last', () => {
    expect(notationError(() => expandSegment(segment, '0+1 5', undefined)).message).toBe('"0+1" needs a count (x<n>) unless it is the last token');
  });

  it('refuses an open last token with no room left', () => {
    expect(notationError(() => expandSegment(segment, '0x7 9', undefined)).message).toBe('no room is left for "9": the tokens before it fill all 8 samples of the segment');
  });

  it('refuses what is not a token, naming it', () => {
    const error = notationError(() => expandSegment(segment, '0+1x3 stale', undefined));
    expect([error.field, error.message]).toEqual(['values', '"stale" is not a value token']);
  });

  it('refuses a segment with more samples than a coarser step would need', () => {
    const error = notationError(() => expandSegment({ fromMs: -30 * 24 * 60 * minute, toMs: 0, stepMs: 15_000 }, '1', undefined));
    expect(error.field).toBe('step');
    expect(error.message).toContain('is 172800 samples, more than 20000');
  });
});
