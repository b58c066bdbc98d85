import { describe, expect, it } from 'vitest';
import { stateBands } from './timeline-chart.js';
import { longestWindow, sampleCount } from './probe-scenario.js';
import type { Evaluation, Timeline } from './timeline.js';
import { stateEvents, stateOf } from './timeline-states.js';

const evaluations = (states: Evaluation['state'][]): Evaluation[] => states.map((state, i) => ({ atMs: i * 15_000, values: [null], state }));

describe('timeline states', () => {
  it('reads ALERTS samples: firing wins over pending, nothing is inactive', () => {
    expect(stateOf([{ labels: { alertstate: 'pending' } }, { labels: { alertstate: 'firing' } }])).toBe('firing');
    expect(stateOf([{ labels: { alertstate: 'pending' } }])).toBe('pending');
    expect(stateOf([])).toBe('inactive');
  });

  it('turns state changes into events, and tells a resolve from a pending that never fired', () => {
    const events = stateEvents(evaluations(['inactive', 'pending', 'pending', 'firing', 'inactive', 'pending', 'inactive']), (ms) => `${ms / 1000}s`);
    expect(events.map((e) => [e.kind, e.atMs])).toEqual([
      ['pending', 15_000],
      ['firing', 45_000],
      ['resolved', 60_000],
      ['pending', 75_000],
      ['resolved', 90_000],
    ]);
    expect(events[4]!.text).toBe('back to inactive at 90s before for ran out (never fired)');
  });

  it('draws a band per run of pending or firing, up to the next evaluation', () => {
    const t = { evaluations: evaluations(['inactive', 'pending', 'pending', 'firing', 'firing', 'inactive']) } as Timeline;
    expect(stateBands(t)).toEqual([
      { state: 'pending', fromMs: 15_000, toMs: 45_000 },
      { state: 'firing', fromMs: 45_000, toMs: 75_000 },
    ]);
  });
});

describe('probe horizon', () => {
  it('counts samples as promtool expands them', () => {
    expect(sampleCount('0+6x40')).toBe(41);
    expect(sampleCount('1 2 _x3 stale 5x2')).toBe(1 + 1 + 3 + 1 + 3);
  });

  it('finds the longest window or offset from the syntax tree, not from label values', () => {
    expect(longestWindow('sum(rate(x{le="5m"}[1h])) / sum(rate(y[5m] offset 1d))')).toBe(24 * 3600_000);
    expect(longestWindow('up == 0')).toBe(0);
  });
});
