import { describe, expect, it } from 'vitest';
import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';
import { writeTempFiles } from '../../tests/support/test-files.js';
import { alertBoundary, seriesBound } from './alert-boundary.js';
import { describeBoundary, describeBoundaryChange } from './boundary-words.js';

const rules = (alerts: string, records = '') =>
  loadRuleInventory([
    writeTempFiles({
      'rules.yml': `groups:\n  - name: records\n    rules:\n${records}\n  - name: alerts\n    rules:\n${alerts}`,
    }).path('rules.yml'),
  ]);
const alert = (name: string, expr: string, forText?: string, severity = 'critical') =>
  `      - alert: ${name}\n        expr: '${expr}'\n${forText ? `        for: ${forText}\n` : ''}        labels: {severity: ${severity}}\n`;
const boundaryOf = (inventory: ReturnType<typeof rules>, name: string) => alertBoundary(inventory.find('alert', name)!, inventory)!;

describe('boundary words', () => {
  it('reads a threshold edit as a reviewer says it', () => {
    const base = rules(alert('HighErrorRate', 'job:http_request_errors:ratio_rate5m{job="a"} > 0.05', '5m'));
    const head = rules(alert('HighErrorRate', 'job:http_request_errors:ratio_rate5m{job="a"} > 0.10', '5m'));
    expect(describeBoundaryChange(boundaryOf(base, 'HighErrorRate'), boundaryOf(head, 'HighErrorRate'), 'pages')).toBe('HighErrorRate: pages from > 10% (was > 5%), after 5m (unchanged)');
  });

  it('names a changed for, seconds, a mirrored comparison and an alert without for', () => {
    const base = rules(alert('Slow', '1 < job:http_request_duration_seconds:p95_rate5m', '5m') + alert('Down', 'up == 0'));
    const head = rules(alert('Slow', 'job:http_request_duration_seconds:p95_rate5m > 1.5', '10m') + alert('Down', 'up == 0', '1m'));
    expect(describeBoundaryChange(boundaryOf(base, 'Slow'), boundaryOf(head, 'Slow'), 'warns')).toBe('Slow: warns from > 1.5s (was > 1s), after 10m (was 5m)');
    expect(describeBoundaryChange(boundaryOf(base, 'Down'), boundaryOf(head, 'Down'), 'pages')).toBe('Down: pages when up == 0 (unchanged), after 1m (was at once)');
    expect(describeBoundary(boundaryOf(base, 'Down'), 'pages')).toBe('Down: pages when up == 0, at once');
  });

  it('words several conditions with their grouping, and a multiple as a plain number', () => {
    const inventory = rules(alert('Burn', '(r1h / 0.01 > 14.4 and r5m / 0.01 > 14.4) or (r6h / 0.01 > 6 and r30m / 0.01 > 6)'));
    expect(describeBoundary(boundaryOf(inventory, 'Burn'), 'pages')).toBe('Burn: pages when (r1h / 0.01 > 14.4 and r5m / 0.01 > 14.4) or (r6h / 0.01 > 6 and r30m / 0.01 > 6), at once');
    expect(seriesBound(boundaryOf(inventory, 'Burn').conditions[0]!)).toEqual({ op: '>', threshold: 0.144 });
  });

  it('follows a recording rule that scales another series, and one that holds the comparison', () => {
    const records = (k: string) => `      - record: job:burn:rate1h\n        expr: job:errors:ratio_rate1h / ${k}\n      - record: job:errors:over\n        expr: job:errors:ratio_rate5m > 0.05\n`;
    const alerts = alert('Burn', 'job:burn:rate1h > 14.4') + alert('Over', 'job:errors:over', '5m');
    const [base, head] = [rules(alerts, records('0.01')), rules(alerts, records('0.02'))];
    expect(describeBoundaryChange(boundaryOf(base, 'Burn'), boundaryOf(head, 'Burn'), 'pages')).toBe(
      'Burn: pages from > 14.4 (unchanged), but job:burn:rate1h now makes it job:errors:ratio_rate1h > 0.288 (was > 0.144), after at once (unchanged)'.replace('after at once', 'at once'),
    );
    expect(boundaryOf(base, 'Over').via?.name).toBe('job:errors:over');
    expect(describeBoundary(boundaryOf(base, 'Over'), 'pages')).toBe('Over: pages from > 5%, after 5m');
  });

  it('names a guard the alert now waits for', () => {
    const base = rules(alert('Exhausted', 'job:errors:ratio_rate30d{job="a"} > 0.01', '10m'));
    const head = rules(alert('Exhausted', 'job:errors:ratio_rate30d{job="a"} > 0.01 and on(job) (job:requests:rate5m{job="a"} offset 1d)', '10m'));
    expect(describeBoundaryChange(boundaryOf(base, 'Exhausted'), boundaryOf(head, 'Exhausted'), 'pages')).toBe(
      'Exhausted: pages from > 1% (unchanged), now only while job:requests:rate5m{job="a"} offset 1d has data (new), after 10m (unchanged)',
    );
    expect(describeBoundary(boundaryOf(head, 'Exhausted'), 'pages')).toBe('Exhausted: pages from > 1%, only while job:requests:rate5m{job="a"} offset 1d has data, after 10m');
  });

  it('finds no boundary where nothing compares with a number', () => {
    const inventory = rules(alert('Absent', 'absent(up)') + alert('Bool', 'x > bool 1') + alert('TwoSeries', 'a < 0.5 * b'));
    for (const name of ['Absent', 'Bool', 'TwoSeries']) expect(alertBoundary(inventory.find('alert', name)!, inventory), name).toBeUndefined();
  });
});
