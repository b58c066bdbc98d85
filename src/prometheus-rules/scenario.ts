/**
 * A rule-test scenario file (fixtures/rules/**): one rule under test, the exact look of one
 * firing alert, and cases of input series with expectations at points in simulated time.
 * See fixtures/rules/README.md for the format; src/prometheus-rules/scenario-schema.ts validates it.
 */
export interface ScenarioFile {
  /** Repo-relative path. */
  file: string;
  subject: { kind: 'alert' | 'record'; name: string; line: number };
  /** (alerts) labels and annotations of a firing instance, used by `firing: true`. */
  firing?: AlertInstance;
  cases: ScenarioCase[];
}

export interface AlertInstance {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface ScenarioCase {
  name: string;
  line: number;
  /** Spacing of the input samples, ms. */
  intervalMs: number;
  /** How often rules are evaluated in this case, ms (default: prometheus.yml's). */
  evaluationIntervalMs?: number;
  series: { selector: string; values: string; line: number }[];
  expect: Expectation[];
}

export type Expectation = (AlertExpectation | QueryExpectation) & {
  /** Holds on this Prometheus major only (behaviour changed between 2.x and 3.x); absent: on both. */
  prometheus?: 2 | 3;
};

/** Whether an expectation holds on the engine of that major version. */
export const holdsOn = (e: Expectation, major: number) => e.prometheus === undefined || e.prometheus === major;

export interface AlertExpectation {
  kind: 'alert';
  line: number;
  atMs: number;
  alert: string;
  /** Exactly the alerts expected to be firing at that time; empty means silent. */
  alerts: AlertInstance[];
}

export interface QueryExpectation {
  kind: 'query';
  line: number;
  atMs: number;
  query: string;
  /** Round results to a multiple of this before comparing (promtool compares to the last bit, or within one ULP with fuzzy_compare). */
  precision?: number;
  samples: { labels: Record<string, string>; value: number | string }[];
}
