import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { compileScenarios } from './compile-scenarios.js';
import { prometheusEngine } from './prometheus-engine.js';
import { loadScenario } from './load-scenario.js';
import { loadRuleInventory } from './rule-inventory.js';
import { writeTempFiles } from '../../tests/support/test-files.js';

const files = writeTempFiles({
  'rules.yml': `groups:
  - name: alerts
    rules:
      - alert: XHigh
        expr: job:x:rate5m > 1
        for: 1m
      - alert: Unrelated
        expr: up == 0
  - name: records
    rules:
      - record: job:x:rate5m
        expr: sum by (job) (rate(x_total[5m]))
      - record: job:y:rate5m
        expr: sum by (job) (rate(y_total[5m]))
`,
  'scenario.yaml': `alert: XHigh
firing: {labels: {job: a}, annotations: {}}
cases:
  - name: fires
    series: {'x_total{job="a"}': 0+60x20}
    expect:
      - {at: 2m, firing: true}
      - {at: 2m, query: 'job:x:rate5m', precision: 0.001, samples: [{labels: {job: a}, value: 4}]}
      - {at: 3m, query: 'job:x:rate5m{job="a"}', samples: [{labels: {job: a}, value: 4}]}
      - {at: 4m, firing: true, prometheus: 3}
      - {at: 4m, firing: false, prometheus: 2}
`,
});
const inventory = loadRuleInventory([files.path('rules.yml')]);
const scenario = loadScenario(files.path('scenario.yaml'));
const compiled = compileScenarios([scenario], { inventory, evaluationIntervalMs: 15_000, engine: prometheusEngine('3.5.3') });
const [rulesFile, testFile] = compiled.files;

test('each scenario gets a rule file with only the rules it depends on', () => {
  expect(rulesFile!.name).toBe('000-scenario-every-15s.rules.yml');
  const groups = (parse(rulesFile!.text) as { groups: { name: string; rules: { alert?: string; record?: string }[] }[] }).groups;
  expect(groups.map((g) => [g.name, g.rules.map((r) => r.alert ?? r.record)])).toEqual([
    ['alerts', ['XHigh']],
    ['records', ['job:x:rate5m']],
  ]);
});

test('the test file evaluates recording groups first, at the configured interval', () => {
  const test = parse(testFile!.text) as Record<string, unknown>;
  expect(test).toMatchObject({ rule_files: ['000-scenario-every-15s.rules.yml'], evaluation_interval: '15s', group_eval_order: ['records', 'alerts'] });
});

test('expectations become promtool tests that can be traced back to their line', () => {
  const group = (parse(testFile!.text) as { tests: Record<string, unknown>[] }).tests[0]!;
  expect(group.name).toBe(`${files.path('scenario.yaml')}:4`);
  expect(group.alert_rule_test).toEqual([
    { eval_time: '2m', alertname: 'XHigh', exp_alerts: [{ exp_labels: { job: 'a' }, exp_annotations: {} }] },
    { eval_time: '4m', alertname: 'XHigh', exp_alerts: [{ exp_labels: { job: 'a' }, exp_annotations: {} }] },
  ]);
  expect(group.promql_expr_test).toEqual([
    // round() drops the metric name, so the expected series has none.
    { expr: `round(job:x:rate5m, 0.001)\n# ${files.path('scenario.yaml')}:8`, eval_time: '2m', exp_samples: [{ labels: '{job="a"}', value: 4 }] },
    { expr: `job:x:rate5m{job="a"}\n# ${files.path('scenario.yaml')}:9`, eval_time: '3m', exp_samples: [{ labels: 'job:x:rate5m{job="a"}', value: 4 }] },
  ]);
  expect([...compiled.alertIndex.keys()]).toEqual([`${files.path('scenario.yaml')}:4|XHigh|120000`, `${files.path('scenario.yaml')}:4|XHigh|240000`]);
  expect([...compiled.queryIndex.keys()]).toEqual([`${files.path('scenario.yaml')}:8`, `${files.path('scenario.yaml')}:9`]);
});

test('an expectation marked with a Prometheus major compiles only for that major', () => {
  const older = compileScenarios([scenario], { inventory, evaluationIntervalMs: 15_000, engine: prometheusEngine('2.53.3') });
  const group = (parse(older.files[1]!.text) as { tests: { alert_rule_test: unknown[] }[] }).tests[0]!;
  expect(group.alert_rule_test).toContainEqual({ eval_time: '4m', alertname: 'XHigh', exp_alerts: [] });
  expect(group.alert_rule_test).not.toContainEqual(expect.objectContaining({ eval_time: '4m', exp_alerts: [{ exp_labels: { job: 'a' }, exp_annotations: {} }] }));
});

test('floats compare within one ULP where promtool can (3.5+), exactly elsewhere', () => {
  expect(parse(testFile!.text)).toMatchObject({ fuzzy_compare: true });
  const older = compileScenarios([scenario], { inventory, evaluationIntervalMs: 15_000, engine: prometheusEngine('2.53.3') });
  expect(parse(older.files[1]!.text)).not.toHaveProperty('fuzzy_compare');
});
