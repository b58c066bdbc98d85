/**
 * What `npm run reproduce` saw (or simulated) of one alert: the measured value at each
 * evaluation against its threshold, the alert's state, and what reached people. The printer,
 * the HTML report and its chart all read this one shape.
 */
export interface Timeline {
  alert: string;
  mode: 'live' | 'simulated';
  /** Why this mode: asked for, or what was missing for the other. */
  modeReason: string;
  /** What was played: `fixtures/incidents/slow-responses.yaml`, or a rule scenario's case with file:line. */
  source: string;
  /** `HighLatency: warns from > 1s, after 5m`. */
  boundary: string;
  rule: { file: string; line: number; expr: string; for?: string };
  /** How times read: simulated time, or real seconds with `for` compressed. */
  clock: string;
  /** One per numeric condition of the alert: what is measured and where it fires. */
  conditions: TimelineCondition[];
  evaluations: Evaluation[];
  events: TimelineEvent[];
  deliveries: DeliveryRecord[];
  /** Things the reader must know (a second series left out, a simulated delivery). */
  notes: string[];
}

export interface TimelineCondition {
  /** The measured expression, as written in the rule. */
  expr: string;
  op: string;
  threshold: number;
  /** `1s`, `5%`: the threshold as people read it. */
  display: string;
}

export type AlertState = 'inactive' | 'pending' | 'firing';

export interface Evaluation {
  atMs: number;
  /** Per condition, the measured value (the highest of its series); null when absent. */
  values: (number | null)[];
  state: AlertState;
}

export interface TimelineEvent {
  kind: 'pending' | 'firing' | 'delivered' | 'resolved' | 'resolve-delivered';
  atMs: number;
  text: string;
}

export interface DeliveryRecord {
  atMs: number;
  receiver: string;
  integration: 'slack' | 'pagerduty' | 'webhook';
  /** `#timetable-alerts`, or the PagerDuty service's routing key file. */
  target: string;
  /** One line: title or summary. */
  summary: string;
  resolved: boolean;
  /** Observed at the capture server (live) or derived from the route and its timers (simulated). */
  observed: boolean;
  /** The body as sent; absent when simulated. */
  payload?: unknown;
}
