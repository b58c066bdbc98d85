import { describe, expect, it } from 'vitest';
import { formatProblem } from './format-problem.js';
import { problem } from './problem.js';

describe('formatProblem', () => {
  it('prints message, location, the source line with a caret, and the hint', () => {
    const p = problem({
      check: 'alerts/threshold',
      file: 'monitoring/alert_rules.yml',
      line: 2,
      column: 32,
      message: 'HighErrorRate fires above 0.5, the spec says 0.05',
      hint: 'restore the 5% threshold',
    });
    const lines = ['- alert: HighErrorRate', '  expr: job:http_5xx:ratio5m > 0.5'];
    expect(formatProblem(p, lines)).toBe(
      [
        '[alerts/threshold] HighErrorRate fires above 0.5, the spec says 0.05',
        '  ---> monitoring/alert_rules.yml:2:32',
        '  2 |   expr: job:http_5xx:ratio5m > 0.5',
        `${' '.repeat(37)}^`,
        '  hint: restore the 5% threshold',
      ].join('\n'),
    );
  });

  it('prints a file-level problem without a source line', () => {
    expect(formatProblem(problem({ check: 'config/missing', file: 'monitoring/prometheus.yml', message: 'missing' }))).toBe('[config/missing] missing\n  ---> monitoring/prometheus.yml');
  });
});
