import { formatDuration } from '../prometheus-rules/duration.js';
import type { RuleInventory } from '../prometheus-rules/rule-inventory.js';
import { rulesNeeded } from '../prometheus-rules/rule-subset.js';
import type { Expectation } from '../prometheus-rules/scenario.js';
import { sameAlertState, stateChanges, stateWord, type AlertState } from './alert-state.js';
import { renderSample, samplesKey, type Sample } from './promtool-samples.js';
import { ruleId, type RuleChange } from './rule-changes.js';
import { expectationKey, type ExpectationOutcome, type SideRuleRun } from './rule-outcomes.js';

/** One expectation of one case whose actual result differs between the sides. */
export interface RuleDifference {
  kind: 'alert' | 'query';
  /** The alert's name, or the query as written. */
  subject: string;
  scenario: string;
  case: string;
  caseLine: number;
  expectationLine: number;
  at: string;
  base: { alerts: AlertState } | { samples: Sample[] };
  head: { alerts: AlertState } | { samples: Sample[] };
  /** `base silent → head FIRING` */
  summary: string;
  /** Per label, annotation or instance: what changed. */
  details: string[];
  /** Ids (rule-changes.ts) of the changed definitions this expectation reads. */
  rules: string[];
}

export interface RuleComparison {
  differences: RuleDifference[];
  /** Expectations evaluated on both sides. */
  compared: number;
  /** Distinct (case, time) points among them. */
  evaluations: number;
  cases: number;
}

/** Every expectation both sides evaluated, compared on what actually happened. */
export function compareRuleRuns(base: SideRuleRun, head: SideRuleRun, changes: ReadonlyMap<string, RuleChange>): RuleComparison {
  const differences: RuleDifference[] = [];
  const points = new Set<string>();
  const cases = new Set<string>();
  let compared = 0;
  for (const scenario of head.suite.scenarios) {
    scenario.cases.forEach((c, caseIndex) => {
      for (const e of c.expect) {
        const key = expectationKey({ scenario, case: c, expectation: e });
        const [b, h] = [base.outcomes.get(key), head.outcomes.get(key)];
        if (!b || !h) continue;
        compared++;
        points.add(`${scenario.file}#${caseIndex}@${e.atMs}`);
        cases.add(`${scenario.file}#${caseIndex}`);
        const actual = actualResults(b, h);
        if (!actual) continue;
        const rules = [...dependencies(base.suite.inventory, e), ...dependencies(head.suite.inventory, e)].filter((id, i, all) => changes.has(id) && all.indexOf(id) === i);
        const where = { scenario: scenario.file, case: c.name, caseLine: c.line, expectationLine: e.line, at: formatDuration(e.atMs), rules };
        if (actual.kind === 'alert') {
          const both = actual.base.length > 0 && actual.head.length > 0;
          differences.push({
            kind: 'alert',
            subject: e.kind === 'alert' ? e.alert : '',
            ...where,
            base: { alerts: actual.base },
            head: { alerts: actual.head },
            summary: `base ${stateWord(actual.base)} → head ${stateWord(actual.head)}`,
            details: both ? stateChanges(actual.base, actual.head) : [],
          });
        } else {
          const show = (s: Sample[]) => (s.length ? s.map(renderSample).join(', ') : 'no samples');
          differences.push({
            kind: 'query',
            subject: e.kind === 'query' ? e.query : '',
            ...where,
            base: { samples: actual.base },
            head: { samples: actual.head },
            summary: `base ${show(actual.base)} → head ${show(actual.head)}`,
            details: [],
          });
        }
      }
    });
  }
  return { differences, compared, evaluations: points.size, cases: cases.size };
}

export type Actual = { kind: 'alert'; base: AlertState; head: AlertState } | { kind: 'query'; base: Sample[]; head: Sample[] };

/**
 * Each side's actual result when they differ, else undefined. A side that passed saw exactly
 * what the scenario expects, which promtool prints as `exp` for the side that failed.
 */
export function actualResults(base: ExpectationOutcome, head: ExpectationOutcome): Actual | undefined {
  if (base.passed && head.passed) return undefined;
  if (base.passed && !head.passed) return head.kind === 'alert' ? { kind: 'alert', base: head.expected, head: head.got } : { kind: 'query', base: head.expected, head: head.got };
  if (!base.passed && head.passed) return base.kind === 'alert' ? { kind: 'alert', base: base.got, head: base.expected } : { kind: 'query', base: base.got, head: base.expected };
  if (base.passed || head.passed) return undefined;
  if (base.kind === 'alert' && head.kind === 'alert') return sameAlertState(base.got, head.got) ? undefined : { kind: 'alert', base: base.got, head: head.got };
  if (base.kind === 'query' && head.kind === 'query') return samplesKey(base.got) === samplesKey(head.got) ? undefined : { kind: 'query', base: base.got, head: head.got };
  return undefined;
}

/** The rules an expectation reads on one side: its alert, and the recording rules beneath. */
function dependencies(inventory: RuleInventory, e: Expectation): string[] {
  const needed = rulesNeeded(inventory, e.kind === 'alert' ? [e.alert] : [], e.kind === 'query' ? [e.query] : []);
  return needed.map((rule) => ruleId(rule.kind, rule.name, inventory.rules.filter((r) => r.kind === rule.kind && r.name === rule.name).indexOf(rule)));
}
