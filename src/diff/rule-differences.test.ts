import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';
import type { PreparedSuite } from '../prometheus-rules/rule-suite.js';
import type { ScenarioFile } from '../prometheus-rules/scenario.js';
import { openSide } from './config-side.js';
import { ruleChanges } from './rule-changes.js';
import { actualResults, compareRuleRuns } from './rule-differences.js';
import { expectationKey, type ExpectationOutcome, type SideRuleRun } from './rule-outcomes.js';
import { Workspace } from '../workspace/workspace.js';

const firing = { labels: { job: 'app' }, annotations: { summary: 's' } };
const sample = (value: number) => ({ labels: { __name__: 'x', job: 'app' }, value });

describe('actualResults', () => {
  it('sees no difference when both sides pass', () => {
    expect(actualResults({ passed: true }, { passed: true })).toBeUndefined();
  });

  it('takes what the scenario expects (promtool prints it as exp) for the side that passed', () => {
    expect(actualResults({ passed: true }, { passed: false, kind: 'alert', expected: [], got: [firing] })).toEqual({ kind: 'alert', base: [], head: [firing] });
    expect(actualResults({ passed: false, kind: 'query', expected: [sample(1)], got: [sample(2)] }, { passed: true })).toEqual({ kind: 'query', base: [sample(2)], head: [sample(1)] });
  });

  it('compares what each side got when both fail', () => {
    const fail = (got: number): ExpectationOutcome => ({ passed: false, kind: 'query', expected: [sample(1)], got: [sample(got)] });
    expect(actualResults(fail(2), fail(2))).toBeUndefined();
    expect(actualResults(fail(2), fail(3))).toEqual({ kind: 'query', base: [sample(2)], head: [sample(3)] });
  });
});

describe('compareRuleRuns', () => {
  it('reports a differing expectation with its case, time and the changed rule it reads', async () => {
    const scenario: ScenarioFile = {
      file: 'fixtures/rules/alerts/A.yaml',
      subject: { kind: 'alert', name: 'A', line: 1 },
      cases: [{ name: '4.9% fail', line: 20, intervalMs: 15_000, series: [], expect: [{ kind: 'alert', line: 24, atMs: 315_000, alert: 'A', alerts: [] }] }],
    };
    const run = async (role: 'base' | 'head', threshold: string, outcome: ExpectationOutcome): Promise<SideRuleRun> => {
      const root = mkdtempSync(join(tmpdir(), `diff-run-${role}-`));
      mkdirSync(join(root, 'monitoring'));
      writeFileSync(join(root, 'monitoring/alert_rules.yml'), `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x:ratio > ${threshold}\n`);
      const side = await openSide(role, undefined, new Workspace(root));
      const inventory = loadRuleInventory([side.path('monitoring/alert_rules.yml')]);
      const key = expectationKey({ scenario, case: scenario.cases[0]!, expectation: scenario.cases[0]!.expect[0]! });
      return { side, suite: { scenarios: [scenario], inventory } as unknown as PreparedSuite, outcomes: new Map([[key, outcome]]), via: 'test' };
    };
    const base = await run('base', '0.05', { passed: true });
    const head = await run('head', '0.04', { passed: false, kind: 'alert', expected: [], got: [firing] });
    const changes = ruleChanges({ side: base.side, inventory: base.suite.inventory }, { side: head.side, inventory: head.suite.inventory });
    const result = compareRuleRuns(base, head, changes);
    expect(result).toMatchObject({ compared: 1, evaluations: 1, cases: 1 });
    expect(result.differences).toEqual([
      {
        kind: 'alert',
        subject: 'A',
        scenario: scenario.file,
        case: '4.9% fail',
        caseLine: 20,
        expectationLine: 24,
        at: '5m15s',
        rules: ['alert|A|0'],
        base: { alerts: [] },
        head: { alerts: [firing] },
        summary: 'base silent → head FIRING',
        details: [],
      },
    ]);
  });
});
