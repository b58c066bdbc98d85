import type { AlertState, Evaluation, TimelineEvent } from './timeline.js';

/** The alert's state from the ALERTS series of one evaluation: firing wins over pending. */
export function stateOf(alertsSamples: readonly { labels: Record<string, string> }[]): AlertState {
  if (alertsSamples.some((s) => s.labels.alertstate === 'firing')) return 'firing';
  return alertsSamples.some((s) => s.labels.alertstate === 'pending') ? 'pending' : 'inactive';
}

/**
 * pending → firing → resolved, from one state per evaluation: an event where the state changes.
 * `format` renders a time for the event's text.
 */
export function stateEvents(evaluations: readonly Pick<Evaluation, 'atMs' | 'state'>[], format: (ms: number) => string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let previous: AlertState = 'inactive';
  for (const e of evaluations) {
    if (e.state === previous) continue;
    if (e.state === 'pending') events.push({ kind: 'pending', atMs: e.atMs, text: `pending at ${format(e.atMs)}: the condition holds, waiting out for` });
    else if (e.state === 'firing') events.push({ kind: 'firing', atMs: e.atMs, text: `firing at ${format(e.atMs)}` });
    else if (previous === 'firing') events.push({ kind: 'resolved', atMs: e.atMs, text: `resolved at ${format(e.atMs)}: the condition no longer holds` });
    else events.push({ kind: 'resolved', atMs: e.atMs, text: `back to inactive at ${format(e.atMs)} before for ran out (never fired)` });
    previous = e.state;
  }
  return events;
}
