import { describe, expect, it } from 'vitest';
import { failedTestLine, firstLine, runSummaryLines } from './run-summary.js';

describe('the end of a run: skips grouped, failures last, then the count line', () => {
  const missing = 'image docker.elastic.co/logstash/logstash:8.17.4 is not on this machine';
  const skips = [
    { file: 'tests/pipeline/redaction.test.ts', name: 'redaction > a password', reason: missing },
    { file: 'tests/pipeline/redaction.test.ts', name: 'redaction > a token', reason: missing },
    { file: 'tests/integration/grafana.test.ts', name: 'grafana > panel 1', reason: 'image grafana/grafana:10.4.2 is not on this machine' },
  ];
  const failures = [
    failedTestLine('tests/cli/reproduce-cli.test.ts', 'npm run reproduce > HighLatency live', 'AssertionError: delivered after the events before it, in:\n◔ pending at +0.1s'),
    'coverage: alerts fired 97.9%, below HARNESS_COVERAGE_MIN=100%: not covered: QueueBacklog (monitoring/alert_rules.yml:201)',
  ];

  it('names each skip reason once, with how many tests it skipped', () => {
    const lines = runSummaryLines({ passed: 10, failed: 0 }, [], skips);
    expect(lines).toEqual([
      '',
      'Skipped, and why:',
      `  - redaction > a password (and 1 more test(s) for the same reason): ${missing}`,
      '  - grafana > panel 1: image grafana/grafana:10.4.2 is not on this machine',
      '',
      '10 passed, 0 failed, 3 skipped',
    ]);
  });

  it('lists every failure with its file after the skips, just above the count line', () => {
    const lines = runSummaryLines({ passed: 10, failed: 2 }, failures, skips);
    expect(lines.slice(-5)).toEqual([
      'Failed:',
      '  ✗ tests/cli/reproduce-cli.test.ts > npm run reproduce > HighLatency live: AssertionError: delivered after the events before it, in:',
      '  ✗ coverage: alerts fired 97.9%, below HARNESS_COVERAGE_MIN=100%: not covered: QueueBacklog (monitoring/alert_rules.yml:201)',
      '',
      '10 passed, 2 failed, 3 skipped',
    ]);
  });

  it('omits the skipped count when nothing skipped', () => {
    expect(runSummaryLines({ passed: 3, failed: 0 }, [], []).at(-1)).toBe('3 passed, 0 failed');
  });

  it("takes an error's first non-blank line, and says so when there is no message", () => {
    expect(firstLine('\nAssertionError: expected 1 to be 2\n  at x')).toBe('AssertionError: expected 1 to be 2');
    expect(firstLine(undefined)).toBe('failed without a message');
  });
});
