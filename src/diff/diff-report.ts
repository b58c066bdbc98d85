import type { ConfigChange } from './alertmanager-changes.js';
import type { ChangedFile } from './changed-files.js';
import type { RuleChange } from './rule-changes.js';
import type { RuleDifference } from './rule-differences.js';
import type { RoutingDifference } from './routing-differences.js';
import type { ThresholdChange } from './threshold-changes.js';

/** Everything `npm run diff` found; `--json` prints it as is. */
export interface DiffReport {
  base: SideSummary;
  head: SideSummary;
  /** Files under monitoring/ that differ, and whether the diff evaluated them. */
  files: ChangedFile[];
  /** Alerts whose boundary (thresholds, comparisons, `for`) moved, in words and by generated boundary cases. */
  thresholds: ThresholdChange[];
  rules: {
    /** Expectations evaluated on both sides, at how many (case, time) points, in how many cases. */
    compared: number;
    evaluations: number;
    cases: number;
    differences: RuleDifference[];
    /** Rules added, removed or redefined, with how many differences above read them. */
    definitions: (RuleChange & { id: string; shownBy: number })[];
  };
  routing: {
    routeCases: number;
    inhibitionCases: number;
    differences: RoutingDifference[];
  };
  /** prometheus.yml settings, routes, receivers and inhibition rules that differ. */
  config: ConfigChange[];
  /** Scenario files one side could not use (file:line: why); their cases are not compared. */
  notCompared: string[];
  /** True when anything above differs: the CLI exits 1. */
  changed: boolean;
  wallTimeMs: number;
}

export interface SideSummary {
  /** The revision as given, or `working tree`. */
  name: string;
  commit?: string;
  description: string;
  /** How promtool ran on this side (local binary or image). */
  promtool: string;
}
