import type { FromSchema } from 'json-schema-to-ts';
import type { pagerdutyExpectationSchema, slackExpectationSchema, webhookExpectationSchema } from './payload-expectation-schema.js';

/** An alert a scenario posts. `{cluster}` is filled in by the test that posts it. */
export interface ScenarioAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Not an alert of alert_rules.yml (Grafana's, or one made up to test a fallback). */
  synthetic: boolean;
  line: number;
}

/** What a Slack delivery must show; only the fields given are compared. */
export type SlackExpectation = FromSchema<typeof slackExpectationSchema>;

/** What a PagerDuty Events v2 delivery must carry; only the fields given are compared (`details`: a subset of custom_details). */
export type PagerdutyExpectation = FromSchema<typeof pagerdutyExpectationSchema>;

/** What a webhook message (Alertmanager's JSON, version 4) must carry; only the fields given are compared. */
export type WebhookExpectation = FromSchema<typeof webhookExpectationSchema>;

/** One alert, the receiver it must reach, and what that receiver must get. */
export interface RouteCase {
  name: string;
  line: number;
  alert: ScenarioAlert;
  receiver: string;
  slack?: SlackExpectation;
  pagerduty?: PagerdutyExpectation;
  webhook?: WebhookExpectation;
}

/** A source and a target alert, and whether the target must be muted. */
export interface InhibitionCase {
  name: string;
  line: number;
  source: ScenarioAlert;
  target: ScenarioAlert;
  sameCluster: boolean;
  inhibited: boolean;
}

export interface RoutingScenario {
  file: string;
  description?: string;
  routes: RouteCase[];
  inhibitions: InhibitionCase[];
}
