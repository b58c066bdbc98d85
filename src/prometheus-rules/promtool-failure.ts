/**
 * What `promtool test rules` reported as failed, as data: the one structure the rule suite
 * (run-rule-tests.ts) and the behaviour diff (diff/rule-outcomes.ts) both read. Produced by
 * parse-promtool-output.ts from promtool's JUnit report or, for promtool before 2.55, its text.
 */
export type PromtoolFailure = AlertFailure | QueryFailure | ErrorFailure;

export interface ParsedAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** One sample of a query result. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

interface Attributed {
  /** The test group (our case's `file:line`), when promtool names it: always with --junit. */
  group?: string;
}

export interface AlertFailure extends Attributed {
  kind: 'alert';
  alertname: string;
  time: string;
  expected: ParsedAlert[];
  got: ParsedAlert[];
}

export interface QueryFailure extends Attributed {
  kind: 'query';
  /** The expression as given to promtool, marker comment included. */
  expr: string;
  time: string;
  expected: Sample[];
  got: Sample[];
}

/** Anything else promtool said (a parse or evaluation error), verbatim. */
export interface ErrorFailure extends Attributed {
  kind: 'error';
  text: string;
}
