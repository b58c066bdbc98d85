import type { PagerdutyExpectation, SlackExpectation, WebhookExpectation } from '../../alertmanager/routing-scenario.js';
import type { HistorySample } from './history-notation.js';

/** One series of an incident's history, with its samples relative to the moment of injection. */
export interface InjectedSeries {
  /** As written: `http_requests_total{job="timetable-app", ...}`. */
  selector: string;
  /** Every label, `__name__` included. */
  labels: Record<string, string>;
  line: number;
  samples: HistorySample[];
}

/** An alert the incident must make fire and deliver to `receiver`, with what the receiver gets. */
export interface FiringExpectation {
  alert: string;
  line: number;
  receiver: string;
  /** Labels the alert must carry in Prometheus besides its rule's (instance, job, ...). */
  labels: Record<string, string>;
  slack?: SlackExpectation;
  pagerduty?: PagerdutyExpectation;
  webhook?: WebhookExpectation;
}

/** An alert that fires in Prometheus but must be muted by Alertmanager, by one of `by`. */
export interface InhibitedExpectation {
  alert: string;
  line: number;
  by: string[];
}

/** A scenario of fixtures/incidents/: history to inject, and what must (not) reach people. */
export interface Incident {
  /** The file's base name: `database-down`. */
  name: string;
  file: string;
  description: string;
  history: InjectedSeries[];
  fires: FiringExpectation[];
  inhibited: InhibitedExpectation[];
}
