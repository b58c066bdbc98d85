import { configErrorOf } from '../../tests/support/config-error-of.js';
import { describe, expect, test } from 'vitest';
import { loadScenario } from './load-scenario.js';
import { writeTempFiles } from '../../tests/support/test-files.js';

const firing = `firing:
  labels: {severity: warning}
  annotations: {summary: s}
`;

function load(text: string) {
  const files = writeTempFiles({ 'scenario.yaml': text });
  return () => loadScenario(files.path('scenario.yaml'));
}

const errorOf = (text: string) => configErrorOf(load(text));

describe('loadScenario', () => {
  test('reads cases, defaults and expectations with their lines', () => {
    const s = load(`alert: A\n${firing}cases:\n  - name: c\n    series:\n      'up{job="x"}': 0x10\n    expect:\n      - {at: 1m, firing: true}\n      - {at: 45s, firing: false}\n`)();
    expect(s.subject).toMatchObject({ kind: 'alert', name: 'A', line: 1 });
    const c = s.cases[0]!;
    expect(c).toMatchObject({ name: 'c', line: 6, intervalMs: 15_000 });
    // 0x10 stays promtool notation, although YAML reads it as the hex number 16.
    expect(c.series).toEqual([{ selector: 'up{job="x"}', values: '0x10', line: 8 }]);
    expect(c.expect[0]).toMatchObject({ kind: 'alert', line: 10, atMs: 60_000, alert: 'A', alerts: [{ labels: { severity: 'warning' } }] });
    expect(c.expect[1]).toMatchObject({ atMs: 45_000, alerts: [] });
  });

  test('an unknown key names its line and the nearest valid key', () => {
    const error = errorOf(`alert: A\ncases:\n  - name: c\n    series: {'up': '1'}\n    expect:\n      - {at: 1m, fireing: false}\n`);
    expect(error.line).toBe(6);
    expect(error.reason).toBe('unknown key "fireing" in cases[0].expect[0]; did you mean "firing"?');
    expect(error.hint).toContain('valid keys here: at, alert, firing, alerts, query, samples');
  });

  test('bad series notation names the series and the token', () => {
    const error = errorOf(`alert: A\ncases:\n  - name: c\n    series:\n      'up': 1 2 three\n    expect: [{at: 1m, firing: false}]\n`);
    expect(error.line).toBe(5);
    expect(error.reason).toContain('"three" is not promtool notation');
  });

  test('a series key must be a plain selector', () => {
    const error = errorOf(`alert: A\ncases:\n  - name: c\n    series:\n      'rate(up[5m])': '1'\n    expect: [{at: 1m, firing: false}]\n`);
    expect(error.reason).toContain('is not a plain series selector');
  });

  test('a file tests exactly one rule', () => {
    expect(errorOf(`alert: A\nrecord: b\ncases: [{name: c, series: {up: '1'}, expect: [{at: 1m, firing: false}]}]\n`).reason).toContain('exactly one rule');
  });

  test('firing: true needs the file-level firing instance', () => {
    const error = errorOf(`alert: A\ncases:\n  - name: c\n    series: {up: '1'}\n    expect:\n      - {at: 1m, firing: true}\n`);
    expect(error.line).toBe(6);
    expect(error.reason).toContain("needs the file's `firing:` instance");
  });

  test('an expectation is one of firing, alerts or samples', () => {
    expect(errorOf(`alert: A\n${firing}cases:\n  - name: c\n    series: {up: '1'}\n    expect:\n      - {at: 1m, firing: true, samples: []}\n`).reason).toContain(
      'exactly one of firing, alerts or samples',
    );
  });

  test('a precision that cannot round exactly is refused', () => {
    expect(errorOf(`record: r\ncases:\n  - name: c\n    series: {up: '1'}\n    expect:\n      - {at: 1m, precision: 0.000000001, samples: []}\n`).reason).toContain('cannot round exactly');
  });

  test('a duration that is not one is refused at its line', () => {
    const error = errorOf(`alert: A\ncases:\n  - name: c\n    series: {up: '1'}\n    expect:\n      - {at: 1 minute, firing: false}\n`);
    expect(error.line).toBe(6);
    expect(error.hint).toContain('Prometheus duration');
  });
});
