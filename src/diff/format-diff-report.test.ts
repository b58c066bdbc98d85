import { describe, expect, it } from 'vitest';
import type { DiffReport } from './diff-report.js';
import { formatDiffReport } from './format-diff-report.js';

const snapshot = (threshold: string) => ({ file: 'monitoring/alert_rules.yml', line: 52, exprLine: 53, expr: `ratio > ${threshold}`, labels: {}, annotations: {} });
const quiet: DiffReport = {
  base: { name: 'HEAD~1', commit: 'a'.repeat(40), description: 'aaaaaaa older', promtool: 'local /usr/bin/promtool' },
  head: { name: 'working tree', description: 'working tree (uncommitted changes included)', promtool: 'local /usr/bin/promtool' },
  files: [],
  thresholds: [],
  rules: { compared: 146, evaluations: 127, cases: 68, differences: [], definitions: [] },
  routing: { routeCases: 6, inhibitionCases: 10, differences: [] },
  config: [],
  notCompared: [],
  changed: false,
  wallTimeMs: 8_040,
};

describe('formatDiffReport', () => {
  it('says what was compared and that nothing changed', () => {
    expect(formatDiffReport(quiet).split('\n')).toEqual([
      'Behaviour diff: base HEAD~1 (aaaaaaa older) → head working tree (uncommitted changes included)',
      "Same scenarios on both sides, from the working tree's fixtures/: 146 rule expectations at 127 evaluation times in 68 cases; 6 routing and 10 inhibition cases.",
      '',
      'No behaviour changed. Wall time 8.0 s (promtool: local /usr/bin/promtool).',
    ]);
  });

  it('lists each difference with its scenario line and the rule lines of both sides', () => {
    const report: DiffReport = {
      ...quiet,
      changed: true,
      files: [
        { file: 'monitoring/alert_rules.yml', status: 'modified', evaluated: true },
        { file: 'monitoring/alertmanager/templates/slack.tmpl', status: 'modified', evaluated: false },
      ],
      rules: {
        ...quiet.rules,
        differences: [
          {
            kind: 'alert',
            subject: 'HighErrorRate',
            scenario: 'fixtures/rules/alerts/HighErrorRate.yaml',
            case: '4.9% fail',
            caseLine: 20,
            expectationLine: 24,
            at: '5m15s',
            base: { alerts: [] },
            head: { alerts: [] },
            summary: 'base silent → head FIRING',
            details: [],
            rules: ['alert|HighErrorRate|0'],
          },
        ],
        definitions: [
          { id: 'alert|HighErrorRate|0', kind: 'alert', name: 'HighErrorRate', change: 'changed', fields: ['expr'], base: snapshot('0.05'), head: snapshot('0.04'), shownBy: 1 },
          { id: 'record|r|0', kind: 'record', name: 'r', change: 'added', fields: [], head: { ...snapshot('1'), line: 90 }, shownBy: 0 },
        ],
      },
      config: [
        {
          what: 'route {severity="info"}',
          change: 'changed',
          fields: ['receiver slack-info → slack-warnings'],
          base: { file: 'monitoring/alertmanager.yml', line: 49 },
          head: { file: 'monitoring/alertmanager.yml', line: 49 },
        },
      ],
    };
    expect(formatDiffReport(report).split('\n').slice(2)).toEqual([
      '',
      'Files that differ under monitoring/',
      '  modified monitoring/alert_rules.yml',
      '  modified monitoring/alertmanager/templates/slack.tmpl (not evaluated by this diff)',
      '',
      'Rules: 1 expectation differs',
      '  HighErrorRate · "4.9% fail" (fixtures/rules/alerts/HighErrorRate.yaml:20) at 5m15s: base silent → head FIRING',
      '      base monitoring/alert_rules.yml:53  expr: ratio > 0.05',
      '      head monitoring/alert_rules.yml:53  expr: ratio > 0.04',
      '',
      'Rule definitions: 2 changes',
      '  alert HighErrorRate: expr changed (base monitoring/alert_rules.yml:52, head monitoring/alert_rules.yml:52); shown by 1 difference above',
      '  record r: added (head monitoring/alert_rules.yml:90); no scenario tests it yet: add one (fixtures/rules/README.md)',
      '',
      'Routing and evaluation config: 1 change',
      '  route {severity="info"} receiver slack-info → slack-warnings (base monitoring/alertmanager.yml:49, head monitoring/alertmanager.yml:49)',
      '',
      'Behaviour changed: 1 rule expectation, 2 rule definitions, 1 config change. 1 changed file not evaluated (listed above). Wall time 8.0 s (promtool: local /usr/bin/promtool).',
    ]);
  });
});
