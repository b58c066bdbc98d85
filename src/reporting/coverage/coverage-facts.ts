import type { TestContext } from 'vitest';

/**
 * What one test saw happen, for the coverage report: a test records what it exercised, and the
 * report counts it only when the test passed. Names and lines refer to the canonical configs.
 */
export interface CoverageFacts {
  /** Alerts seen firing with their exact labels (rule scenarios in simulated time). */
  alertsFired?: string[];
  /** Alerts seen silent where a case expects silence (just below a threshold, before `for`). */
  alertsSilent?: string[];
  /** Alerts delivered to their receiver by real engines (incidents). */
  alertsDelivered?: string[];
  /** Receivers of alertmanager.yml that delivered a notification. */
  receivers?: string[];
  /** Routes of alertmanager.yml (by line) that an alert ended at. */
  routes?: number[];
  /** inhibit_rules (by index) seen muting an alert on a running Alertmanager. */
  inhibitions?: number[];
  /** Logstash pipeline branches (file:line of the conditional) and outputs taken: fed by the offline engine (branch logs-engine). */
  pipelineBranches?: string[];
  pipelineOutputs?: string[];
}

declare module 'vitest' {
  interface TaskMeta {
    coverage?: CoverageFacts;
  }
}

/** Adds facts to the running test's record (lists merge, without repeats). */
export function recordCoverage(ctx: TestContext, facts: CoverageFacts): void {
  const meta = (ctx.task.meta.coverage ??= {});
  for (const [key, values] of Object.entries(facts) as [keyof CoverageFacts, (string | number)[]][]) {
    const merged = new Set<string | number>([...((meta[key] as (string | number)[] | undefined) ?? []), ...values]);
    (meta as Record<string, unknown>)[key] = [...merged];
  }
}
