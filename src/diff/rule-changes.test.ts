import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';
import { openSide, type SideRole } from './config-side.js';
import { ruleChanges } from './rule-changes.js';
import { Workspace } from '../workspace/workspace.js';

/** One side: a folder with monitoring/alert_rules.yml holding `text`. */
async function sideWith(role: SideRole, text: string) {
  const root = mkdtempSync(join(tmpdir(), `diff-rules-${role}-`));
  mkdirSync(join(root, 'monitoring'));
  writeFileSync(join(root, 'monitoring/alert_rules.yml'), text);
  const side = await openSide(role, undefined, new Workspace(root));
  return { side, inventory: loadRuleInventory([side.path('monitoring/alert_rules.yml')]) };
}

const base = `groups:
  - name: app
    rules:
      - record: job:errors:rate5m
        expr: sum by (job) (rate(errors_total[5m]))
      - alert: HighErrors
        expr: job:errors:rate5m > 5
        for: 5m
        labels: {severity: critical}
        annotations: {summary: many errors}
      - alert: Gone
        expr: up == 0
`;

describe('ruleChanges', () => {
  it('finds nothing when only layout and comments differ, or a duration is spelt otherwise', async () => {
    const reflowed = base.replace('expr: sum by (job) (rate(errors_total[5m]))', 'expr: |\n          sum by (job)\n            (rate(errors_total[5m]))  # per job').replace('for: 5m', 'for: 300s');
    const changes = ruleChanges(await sideWith('base', base), await sideWith('head', reflowed));
    expect([...changes.values()]).toEqual([]);
  });

  it('names added, removed and changed rules with their lines on each side', async () => {
    const head = base
      .replace('> 5', '> 4')
      .replace('for: 5m', 'for: 10m')
      .replace('many errors', 'too many errors')
      .replace(/ {6}- alert: Gone\n.*\n/, '      - alert: New\n        expr: up == 0\n');
    const changes = [...ruleChanges(await sideWith('base', base), await sideWith('head', head)).values()];
    expect(changes.map((c) => [c.kind, c.name, c.change, c.fields])).toEqual([
      ['alert', 'HighErrors', 'changed', ['expr', 'for', 'annotations']],
      ['alert', 'Gone', 'removed', []],
      ['alert', 'New', 'added', []],
    ]);
    expect(changes[0]!.base).toMatchObject({ file: 'monitoring/alert_rules.yml', line: 6, exprLine: 7, expr: 'job:errors:rate5m > 5', for: '5m', forLine: 8 });
    expect(changes[0]!.head).toMatchObject({ expr: 'job:errors:rate5m > 4', for: '10m' });
    expect(changes[2]!.head).toMatchObject({ file: 'monitoring/alert_rules.yml', line: 11 });
  });
});
