import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { durationSecondsBuckets } from '../../../app/metrics/buckets.js';
import { readRuleInventory } from '../rule-inventory.js';
import { contractBuckets, quantileBucketProblems, quantileBucketsCheck } from './quantile-buckets-check.js';

const rules = `groups:
  - name: r
    rules:
      - record: job_le:lat_bucket:rate5m
        expr: sum by (job, le) (rate(lat_seconds_bucket[5m]))
      - record: job:lat:p99_rate5m
        expr: histogram_quantile(0.99, job_le:lat_bucket:rate5m)
      - alert: Slow
        expr: job:lat:p99_rate5m{job="a"} > 2
      - alert: Fine
        expr: job:lat:p99_rate5m > 1
`;

describe('rules/quantile-buckets', () => {
  const inventory = readRuleInventory([YamlFile.parse('monitoring/alert_rules.yml', rules)]);

  it('flags a quantile threshold between buckets, at the alert line, through recording rules', () => {
    const problems = quantileBucketProblems(inventory, new Map([['lat_seconds', [0.5, 1, 5]]]));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [9, 'Slow compares job:lat:p99_rate5m with 2, which is not a bucket boundary of lat_seconds (0.5, 1, 5): histogram_quantile interpolates there, so the alert fires or stays silent on a guess'],
    ]);
  });

  it('passes when every threshold is a boundary', () => {
    expect(quantileBucketProblems(inventory, new Map([['lat_seconds', [0.5, 1, 2, 5]]]))).toEqual([]);
  });

  it('passes the canonical rules, and the contract and app/metrics agree on the duration buckets', async () => {
    expect(await quantileBucketsCheck.run(checkContext())).toEqual([]);
    expect(contractBuckets(checkContext().workspace.contractFile()).get('http_request_duration_seconds')).toEqual([...durationSecondsBuckets]);
  });
});
