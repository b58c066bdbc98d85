import { describe, expect, test } from 'vitest';
import { coverageProblems } from './coverage.js';
import { loadScenario } from './load-scenario.js';
import { loadRuleInventory } from './rule-inventory.js';
import { writeTempFiles } from '../../tests/support/test-files.js';

const rules = `groups:
  - name: g
    rules:
      - record: job:x:rate5m
        expr: sum by (job) (rate(x_total[5m]))
      - alert: XHigh
        expr: job:x:rate5m > 1
        for: 1m
        labels: {severity: warning}
      - alert: XGone
        expr: absent(x_total)
`;

/** A scenario that covers XHigh completely: fires, stays silent, both sides of for. */
const xHigh = `alert: XHigh
firing: {labels: {job: a, severity: warning}, annotations: {}}
cases:
  - name: fires
    series: {'x_total{job="a"}': 0+60x20}
    expect:
      - {at: 1m45s, firing: false}
      - {at: 2m, firing: true}
  - name: silent
    series: {'x_total{job="a"}': 0+1x20}
    expect: [{at: 2m, firing: false}]
`;
const xGone = `alert: XGone
firing: {labels: {severity: warning}, annotations: {}}
cases:
  - name: fires
    series: {'y{job="a"}': 1x5}
    expect: [{at: 1m, firing: true}]
  - name: silent
    series: {'x_total{job="a"}': 1x5}
    expect: [{at: 1m, firing: false}]
`;
const record = `record: job:x:rate5m
cases:
  - name: rate
    series: {'x_total{job="a"}': 0+60x20}
    expect: [{at: 5m, samples: [{labels: {job: a}, value: 4}]}]
`;

function problemsFor(scenarios: Record<string, string>) {
  const files = writeTempFiles({ 'rules.yml': rules, ...scenarios });
  const inventory = loadRuleInventory([files.path('rules.yml')]);
  const loaded = Object.keys(scenarios).map((name) => loadScenario(files.path(name)));
  return coverageProblems(inventory, loaded, 15_000).map((p) => ({ line: p.line, message: p.message, file: p.file.replace(files.dir, '') }));
}

describe('coverage', () => {
  test('complete tests leave nothing to report', () => {
    expect(problemsFor({ 'a.yaml': xHigh, 'b.yaml': xGone, 'c.yaml': record })).toEqual([]);
  });

  test('an alert without a test fails coverage, at the alert', () => {
    expect(problemsFor({ 'a.yaml': xHigh, 'c.yaml': record })).toEqual([{ file: '/rules.yml', line: 10, message: 'alert XGone has no test' }]);
  });

  test('a test naming an alert that does not exist fails, with the nearest real name', () => {
    const unknown = `alert: XHihg\ncases:\n  - name: c\n    series: {up: '1'}\n    expect: [{at: 1m, firing: false}]\n`;
    expect(problemsFor({ 'a.yaml': xHigh, 'b.yaml': xGone, 'c.yaml': record, 'd.yaml': unknown })).toEqual([
      { file: '/d.yaml', line: 1, message: 'the test names alert XHihg, which no rule file defines; did you mean XHigh?' },
    ]);
  });

  test('an unknown alert named by one expectation fails too', () => {
    const extra = xHigh.replace('expect: [{at: 2m, firing: false}]', 'expect: [{at: 2m, firing: false}, {at: 2m, alert: Nope, firing: false}]');
    expect(problemsFor({ 'a.yaml': extra, 'b.yaml': xGone, 'c.yaml': record })[0]).toMatchObject({ file: '/a.yaml', message: expect.stringContaining('names alert Nope') });
  });

  test('an alert never seen firing, or never seen silent, fails', () => {
    const onlySilent = xHigh.replace('{at: 2m, firing: true}', '{at: 2m, firing: false}');
    expect(problemsFor({ 'a.yaml': onlySilent, 'b.yaml': xGone, 'c.yaml': record }).map((p) => p.message)).toContain('no test makes alert XHigh fire');
    const noSilentCase = xHigh.replace(/ {2}- name: silent[\s\S]*$/, '');
    expect(problemsFor({ 'a.yaml': noSilentCase, 'b.yaml': xGone, 'c.yaml': record }).map((p) => p.message)).toEqual(['no case keeps alert XHigh silent']);
  });

  test('an alert with for: needs silent-then-firing one evaluation apart', () => {
    const gap = xHigh.replace('{at: 1m45s, firing: false}', '{at: 1m30s, firing: false}');
    expect(problemsFor({ 'a.yaml': gap, 'b.yaml': xGone, 'c.yaml': record }).map((p) => p.message)).toEqual(['no case checks both sides of `for: 1m` of alert XHigh']);
  });

  test('a recording rule without expected samples fails', () => {
    expect(problemsFor({ 'a.yaml': xHigh, 'b.yaml': xGone })).toEqual([{ file: '/rules.yml', line: 4, message: 'recording rule job:x:rate5m has no test of its values' }]);
  });
});
