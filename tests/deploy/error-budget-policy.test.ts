import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../src/sources/repo-files.js';
import { YamlFile } from '../../src/sources/yaml-file.js';
import { markdownTableRows } from '../support/markdown-table-rows.js';

/**
 * docs/error_budget_policy.md states the SLO, the burn-rate tiers and the budget alerts; the
 * rule file implements them. Every number the doc states is read back from the rules here.
 */
const doc = readRepoFile('docs/error_budget_policy.md');
const rules = (YamlFile.load('monitoring/alert_rules.yml').data as { groups: { rules: { alert?: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules);
const exprOf = (alert: string) => {
  const rule = rules.find((r) => r.alert === alert);
  if (!rule) throw new Error(`monitoring/alert_rules.yml has no alert ${alert}, which docs/error_budget_policy.md describes`);
  return rule.expr;
};

/** `job:sli_errors:ratio_rate1h{...} / 0.01 > 14.4` → window 1h, budget 0.01, factor 14.4. */
function burnConditions(expr: string, sli = 'job:sli_errors:ratio_rate'): { window: string; budget: number; factor: number }[] {
  const pattern = new RegExp(`${sli}(\\w+)\\{[^}]*\\}\\s*\\/\\s*([\\d.]+)\\s*>\\s*([\\d.]+)`, 'g');
  return [...expr.matchAll(pattern)].map((m) => ({ window: m[1]!, budget: Number(m[2]), factor: Number(m[3]) }));
}

/** Each tier is `(long > f and short > f)`: conditions come in pairs, long window first. */
function tiers(alert: string) {
  const conditions = burnConditions(exprOf(alert));
  expect(conditions.length, `${alert} should be pairs of long/short window conditions`).toBeGreaterThan(0);
  expect(conditions.length % 2).toBe(0);
  const result = [];
  for (let i = 0; i < conditions.length; i += 2) {
    const [long, short] = [conditions[i]!, conditions[i + 1]!];
    expect(short.factor, `${alert}: both windows of a tier use one burn rate`).toBe(long.factor);
    result.push({ alert, factor: long.factor, long: long.window, short: short.window, budget: long.budget });
  }
  return result;
}

const hours: Record<string, number> = { m: 1 / 60, h: 1, d: 24 };
const toHours = (window: string) => Number(window.slice(0, -1)) * hours[window.slice(-1)]!;
const windowDays = 30;
const tableRows = markdownTableRows(doc);

describe('docs/error_budget_policy.md agrees with monitoring/alert_rules.yml', () => {
  const allTiers = [...tiers('ErrorBudgetFastBurn'), ...tiers('ErrorBudgetSlowBurn')];

  it('states the SLO the rules divide by, and its budget in hours over 30 days', () => {
    const budgets = new Set(allTiers.map((t) => t.budget));
    expect(budgets.size).toBe(1);
    const budget = [...budgets][0]!;
    expect(doc).toContain(`**${Math.round((1 - budget) * 1000) / 10}%**`);
    expect(doc).toContain(`**${Math.round(budget * 1000) / 10}%**`);
    expect(doc).toContain(`**${Math.round(budget * windowDays * 24 * 10) / 10} h**`);
  });

  it('has one table row per burn-rate tier, with its windows, budget spent and time to exhaustion', () => {
    expect(allTiers.length).toBeGreaterThanOrEqual(4);
    for (const tier of allTiers) {
      const row = tableRows.find((r) => r[0] === tier.alert && r[1] === `${tier.factor}×`);
      expect(row, `a row "| ${tier.alert} | ${tier.factor}× | ..." in the burn-rate table`).toBeDefined();
      expect(row![2]).toBe(tier.long);
      expect(row![3]).toBe(tier.short);
      const spent = (tier.factor * toHours(tier.long)) / (windowDays * 24);
      expect(row![4]).toBe(`${Math.round(spent * 1000) / 10}%`);
      const goneInHours = (windowDays * 24) / tier.factor;
      expect(row![5]).toBe(goneInHours < 72 ? `${Math.round(goneInHours)} h` : `${Math.round(goneInHours / 24)} d`);
    }
    // Rows of the burn-rate table (a burn rate in column 2); the muting table names them too.
    const documented = tableRows.filter((r) => /^ErrorBudget(Fast|Slow)Burn$/.test(r[0] ?? '') && (r[1] ?? '').endsWith('×'));
    expect(documented.length, 'no tier in the doc that the rules do not have').toBe(allTiers.length);
  });

  it('pages on downtime alone with the same tiers as on the SLI (issue 12: an outage pages at any traffic)', () => {
    const onSli = burnConditions(exprOf('ErrorBudgetFastBurn'));
    const onDowntime = burnConditions(exprOf('ErrorBudgetFastBurn'), 'job:up:downtime_ratio');
    expect(onDowntime).toEqual(onSli);
    expect(doc).toContain('job:up:downtime_ratio');
  });

  it('gives the thresholds of the budget alerts over the 30-day window', () => {
    for (const alert of ['ErrorBudgetHalfConsumed', 'ErrorBudgetExhausted']) {
      const match = /job:sli_errors:ratio_rate30d\{[^}]*\}\s*>\s*([\d.]+)/.exec(exprOf(alert));
      expect(match, `${alert} compares the 30-day SLI with a threshold`).not.toBeNull();
      const row = tableRows.find((r) => r[0] === alert);
      expect(row?.[1]).toBe(`${Math.round(Number(match![1]) * 1000) / 10}%`);
    }
  });

  it('covers escalation, the feature freeze and the P1-P4 severity levels', () => {
    for (const heading of ['## 4. Feature freeze', '## 5. Incident severity levels', '## 6. Escalation']) expect(doc).toContain(heading);
    for (const level of ['P1', 'P2', 'P3', 'P4']) expect(tableRows.some((r) => r[0] === `**${level}**`)).toBe(true);
  });
});
