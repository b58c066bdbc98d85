import { describe, expect, it } from 'vitest';
import type { AlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import type { Delivery, WebhookMessage } from '../alertmanager/deliveries.js';
import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';
import { AlertWatch } from './alert-watch.js';
import { liveTime } from './clocks.js';
import { rangeThroughNow, recordedStates, type AlertsSeries } from './recorded-states.js';
import { stateEvents } from './timeline-states.js';
import type { AlertState } from './timeline.js';
import { TimelinePrinter } from './timeline-printer.js';

// Synthetic `timestamp(ALERTS{alertname="HighLatency"})` as query_range returns it: the group
// evaluates every 250 ms, 130 ms off the incident's start; pending from evaluation 4, firing from
// evaluation 16, and resolved at evaluation 41 (its stale marker hides the series from then on).
const t0 = 1_700_000_000_000;
const stepMs = 250;
const evaluationMs = (k: number) => 130 + k * stepMs;
const stateAt = (k: number): AlertState => (k >= 4 && k < 16 ? 'pending' : k >= 16 && k < 41 ? 'firing' : 'inactive');
const range = { startMs: t0, endMs: t0 + 12_000, stepMs };

/** Each step reads the latest evaluation before it: its sample value is that evaluation's timestamp. */
function alertsSeries(): AlertsSeries[] {
  const series = { pending: [] as [number, string][], firing: [] as [number, string][] };
  for (let stepAt = 0; stepAt <= 12_000; stepAt += stepMs) {
    const k = Math.floor((stepAt - 130) / stepMs);
    const state = k >= 0 ? stateAt(k) : 'inactive';
    if (state !== 'inactive') series[state].push([(t0 + stepAt) / 1000, String((t0 + evaluationMs(k)) / 1000)]);
  }
  return (['pending', 'firing'] as const).map((s) => ({ metric: { alertname: 'HighLatency', alertstate: s }, values: series[s] }));
}

function watch(lines: string[]): AlertWatch {
  const rule = { kind: 'alert', name: 'HighLatency', for: '5m' } as RuleEntry;
  return new AlertWatch(rule, [], { receivers: [] } as unknown as AlertmanagerConfig, new TimelinePrinter((l) => lines.push(l), liveTime), liveTime, 2 * stepMs);
}

describe('alert states as Prometheus recorded them (ALERTS)', () => {
  it('places pending and firing at the evaluations that wrote them, resolved at the first step the series is gone', () => {
    const events = stateEvents(recordedStates(alertsSeries(), range), liveTime);
    expect(events.map((e) => [e.kind, e.atMs])).toEqual([
      ['pending', evaluationMs(4)],
      ['firing', evaluationMs(16)],
      ['resolved', 10_500],
    ]);
  });

  it('recovers a pending no poll saw: the first poll comes when the alert already fires', () => {
    const lines: string[] = [];
    const w = watch(lines);
    const behind = w.observe(6_000, [{ labels: { alertname: 'HighLatency' }, annotations: {}, state: 'firing', activeAt: '', value: '' }], []);
    expect(behind).toBe(true);
    w.recorded(6_000, recordedStates(alertsSeries(), { ...range, endMs: t0 + 6_000 }));
    expect(w.events.map((e) => [e.kind, e.atMs])).toEqual([
      ['pending', evaluationMs(4)],
      ['firing', evaluationMs(16)],
    ]);
    // Printed when learned, at the time Prometheus recorded, saying it was learned late.
    expect(lines.filter((l) => /[◔●]/.test(l))).toEqual([
      '    +1.1s  ◔ pending at +1.1s: the condition holds, waiting out for (5m ÷100) (read from ALERTS at +6.0s)',
      '    +4.1s  ● firing at +4.1s (read from ALERTS at +6.0s)',
    ]);
  });

  it('gives the events a poll at every step gave, each at or before the poll that saw it', () => {
    const w = watch([]);
    const polled: { atMs: number; state: AlertState }[] = [];
    for (let at = 0; at <= 12_000; at += stepMs) {
      const k = Math.floor((at - 130) / stepMs);
      const state = k >= 0 ? stateAt(k) : 'inactive';
      polled.push({ atMs: at, state });
      const active = state === 'inactive' ? [] : [{ labels: { alertname: 'HighLatency' }, annotations: {}, state, activeAt: '', value: '' } as const];
      if (w.observe(at, active, [])) w.recorded(at, recordedStates(alertsSeries(), { ...range, endMs: t0 + at }));
    }
    const byPolls = stateEvents(polled, liveTime);
    expect(w.events.map((e) => e.kind)).toEqual(byPolls.map((e) => e.kind));
    w.events.forEach((e, i) => expect(byPolls[i]!.atMs - e.atMs).toBeGreaterThanOrEqual(0));
    w.events.forEach((e, i) => expect(byPolls[i]!.atMs - e.atMs).toBeLessThan(stepMs));
    expect(w.events.some((e) => e.text.includes('read from ALERTS'))).toBe(false);
  });

  it('reads through now: the last step is at or after the poll, so the evaluation the poll just saw is in the history', () => {
    expect(rangeThroughNow(t0, t0 + 6_100, stepMs)).toEqual({ startMs: t0, endMs: t0 + 6_250, stepMs });
    expect(rangeThroughNow(t0, t0 + 6_000, stepMs)).toEqual({ startMs: t0, endMs: t0 + 6_000, stepMs });
    // A long run reads coarser steps, never more than query_range's 11,000 a series.
    const long = rangeThroughNow(t0, t0 + 3_600_000, stepMs);
    expect((long.endMs - long.startMs) / long.stepMs).toBeLessThanOrEqual(11_000);
    expect(long.endMs).toBeGreaterThanOrEqual(t0 + 3_600_000);
  });

  it('holds a delivery back while the history lags the poll, and prints it after the firing it follows', () => {
    const lines: string[] = [];
    const w = watch(lines);
    const firing = [{ labels: { alertname: 'HighLatency' }, annotations: {}, state: 'firing', activeAt: '', value: '' } as const];
    const labels = { alertname: 'HighLatency' };
    const message: WebhookMessage = {
      version: '4',
      status: 'firing',
      receiver: 'heartbeat',
      groupLabels: labels,
      commonLabels: labels,
      commonAnnotations: {},
      alerts: [{ status: 'firing', labels, annotations: {} }],
    };
    const delivery: Delivery = { kind: 'webhook', seq: 1, receiver: 'heartbeat', message };
    // The poll sees firing and the notification, but the firing evaluation's ALERTS sample is not
    // committed yet: the history read then still ends in pending.
    expect(w.observe(4_200, firing, [])).toBe(true);
    w.recorded(4_200, recordedStates(alertsSeries(), { ...range, endMs: t0 + 4_000 }));
    w.delivered(4_200, [delivery]);
    expect(w.events.map((e) => e.kind)).toEqual(['pending']);
    // The next poll reads the firing, then the delivery.
    expect(w.observe(4_450, firing, [])).toBe(true);
    w.recorded(4_450, recordedStates(alertsSeries(), { ...range, endMs: t0 + 4_250 }));
    w.delivered(4_450, [delivery]);
    expect(w.events.map((e) => e.kind)).toEqual(['pending', 'firing', 'delivered']);
  });
});
