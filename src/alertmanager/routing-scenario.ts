/** An alert a scenario posts. `{cluster}` is filled in by the test that posts it. */
export interface ScenarioAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Not an alert of alert_rules.yml (Grafana's, or one made up to test a fallback). */
  synthetic: boolean;
  line: number;
}

/** What a Slack delivery must show; only the fields given are compared. */
export type SlackExpectation = Partial<Record<'channel' | 'username' | 'color' | 'title' | 'title_link' | 'text' | 'fallback' | 'footer', string>>;

/** What a PagerDuty Events v2 delivery must carry; only the fields given are compared. */
export interface PagerdutyExpectation {
  severity?: 'critical' | 'error' | 'warning' | 'info';
  summary?: string;
  source?: string;
  component?: string;
  group?: string;
  class?: string;
  client?: string;
  /** A subset of payload.custom_details. */
  details?: Record<string, string>;
  links?: { href: string; text: string }[];
}

/** What a webhook message (Alertmanager's JSON, version 4) must carry; only the fields given are compared. */
export interface WebhookExpectation {
  status?: 'firing' | 'resolved';
  receiver?: string;
  groupLabels?: Record<string, string>;
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
}

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
