import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { canonicalAlertShapes } from '../../src/alertmanager/checks/inhibit-equal-identity-check.js';
import { readRepoFile, repoRoot } from '../../src/sources/repo-files.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { inhibitingRules } from '../../src/diff/inhibition-effect.js';
import { markdownTableRows } from '../support/markdown-table-rows.js';

/**
 * Issue 12, behaviour 4: what a budget alert may mute is a decision, written in
 * docs/error_budget_policy.md ("What a budget alert may mute") and in each budget alert's
 * runbook. Here the table is read back against what monitoring/alertmanager.yml actually
 * mutes: each budget alert, firing as its rule test shows it, against every other alert of the
 * rule files in the same cluster (the same answer the inhibition cases prove on a real
 * Alertmanager, src/diff/inhibition-effect.ts).
 */
const budgetAlerts = ['ErrorBudgetFastBurn', 'ErrorBudgetSlowBurn', 'ErrorBudgetHalfConsumed', 'ErrorBudgetExhausted'];
const doc = readRepoFile('docs/error_budget_policy.md');
const section = doc.slice(doc.indexOf('### What a budget alert may mute'));
const rows = markdownTableRows(section);

function mutedBy(source: string): string[] {
  const rules = loadAlertmanagerConfig().inhibitRules;
  const shapes = canonicalAlertShapes(new Workspace(repoRoot));
  const from = shapes.find((s) => s.name === source)!;
  return shapes
    .filter((t) => t !== from && inhibitingRules(rules, { ...from.labels, cluster: 'c' }, { ...t.labels, cluster: 'c' }).length > 0)
    .map((t) => t.name)
    .sort();
}

describe('docs/error_budget_policy.md says what each budget alert mutes, as alertmanager.yml does', () => {
  it.each(budgetAlerts)('%s', (alert) => {
    const row = rows.find((r) => r[0] === alert);
    expect(row, `a row "| ${alert} | <muted alerts or nothing> | <for how long> |" under "### What a budget alert may mute"`).toBeDefined();
    const written =
      row![1] === 'nothing'
        ? []
        : row![1]!
            .split(',')
            .map((s) => s.trim())
            .sort();
    expect(written, `what ${alert} mutes: the doc (left) and alertmanager.yml (right)`).toEqual(mutedBy(alert));
    expect(row![2], `for how long ${alert} may mute`).not.toBe('');
    expect(readRepoFile(`docs/runbooks/${alert}.md`), `the runbook of ${alert} states what it mutes`).toContain('**Mutes:**');
  });
});
