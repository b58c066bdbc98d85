import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRuleInventory } from '../rule-inventory.js';
import { SourceFiles } from '../../sources/source-files.js';
import { writeTempFiles } from '../../../tests/support/test-files.js';
import { unusedRecordingProblems } from './recording-unused-check.js';
import { requiredFieldProblems } from './required-fields-check.js';
import { runbookBaseUrl, runbookProblems } from './runbook-check.js';
import { thresholdProblems } from './thresholds-check.js';
import { unknownMetricProblems } from './unknown-metric-check.js';

const url = (name: string) => `${runbookBaseUrl}docs/runbooks/${name}.md`;
const rules = `groups:
  - name: g
    rules:
      - record: job:x:rate5m
        expr: sum by (job) (rate(x_total[5m]))
      - record: job:unused:rate5m
        expr: sum by (job) (rate(x_total[5m]))
      - alert: Complete
        expr: job:x:rate5m > 0.05
        for: 5m
        labels: {severity: critical, service: app, team: backend}
        annotations:
          summary: s
          description: 'rate is {{ $value }}'
          runbook_url: ${url('Complete')}
      - alert: Sloppy
        expr: |
          job:x:rate5m
            > on(job) typo_metric_total
        labels: {severity: page}
        annotations:
          description: no value here
          runbook_url: https://wiki.example.org/Sloppy
`;
const files = writeTempFiles({ 'rules.yml': rules });
const inventory = loadRuleInventory([files.path('rules.yml')]);
const brief = (p: { line?: number; message: string }) => `${p.line}: ${p.message}`;

describe('alerts/required-fields', () => {
  test('names each missing label and annotation, a bad severity and a description without $value', () => {
    expect(requiredFieldProblems(inventory).map(brief)).toEqual([
      '20: alert Sloppy has no `service` label',
      '20: alert Sloppy has no `team` label',
      '20: alert Sloppy has severity "page", which no route expects',
      '21: alert Sloppy has no `summary` annotation',
      '22: the description of alert Sloppy does not show the observed value',
    ]);
  });
});

describe('alerts/runbook', () => {
  test('a URL outside the repository, and a runbook file that does not exist, are reported at the URL', () => {
    const root = writeTempFiles({}).dir;
    expect(runbookProblems(inventory, new SourceFiles(root)).map(brief)).toEqual([
      '15: alert Complete: runbook docs/runbooks/Complete.md does not exist',
      `23: alert Sloppy: runbook_url https://wiki.example.org/Sloppy does not point into this repository`,
    ]);
    mkdirSync(join(root, 'docs/runbooks'), { recursive: true });
    writeFileSync(join(root, 'docs/runbooks/Complete.md'), '# Complete\n');
    expect(runbookProblems(inventory, new SourceFiles(root)).map(brief)).toEqual([`23: alert Sloppy: runbook_url https://wiki.example.org/Sloppy does not point into this repository`]);
  });
});

describe('rules/recording-unused', () => {
  test('a recording rule no rule, dashboard or runbook reads is reported at its record line', () => {
    expect(unusedRecordingProblems(inventory, []).map(brief)).toEqual(['6: recording rule job:unused:rate5m is used by no alert, rule, dashboard or runbook']);
  });
  test('a dashboard or runbook query counts as a use', () => {
    expect(unusedRecordingProblems(inventory, [{ expr: 'job:unused:rate5m{job="a"}', where: 'dashboard' }])).toEqual([]);
  });
});

describe('rules/unknown-metric', () => {
  test('a metric neither in the contract nor recorded is reported at the line that names it', () => {
    expect(unknownMetricProblems(inventory, new Set(['x_total'])).map(brief)).toEqual([
      '19: alert Sloppy selects "typo_metric_total", which is neither in monitoring/metrics-contract.yml nor a recording rule',
    ]);
  });
});

describe('alerts/thresholds', () => {
  test('a threshold or for other than the table says names the alert and the expected value', () => {
    const table = [
      { alert: 'Complete', op: '>' as const, value: 0.05, for: '5m', meaning: 'more than 5%' },
      { alert: 'Complete', op: '>' as const, value: 0.01, for: '10m', meaning: 'more than 1%' },
      { alert: 'Missing', op: '<' as const, value: 0.5, factor: true, for: '10m', meaning: 'below half the baseline' },
    ];
    expect(thresholdProblems(inventory, table).map(brief)).toEqual([
      '9: alert Complete must fire when more than 1%: expected `> 0.01`, found > 0.05',
      '10: alert Complete must wait for: 10m, not 5m',
      'undefined: issue 3 requires alert Missing (below half the baseline), and no rule file defines it',
    ]);
  });
  test('the canonical rules keep every threshold of issue 3', async () => {
    const { canonicalRules } = await import('../canonical-rules.js');
    expect(thresholdProblems(canonicalRules())).toEqual([]);
  });
});
