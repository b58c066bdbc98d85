import { expect, test } from 'vitest';
import { metricNames, metricReferences, promqlSyntaxErrorAt } from './promql-selectors.js';

test('finds the metrics an expression selects, not its labels or functions', () => {
  const expr = 'sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / job:http_requests:rate5m offset 1w > 0.5';
  expect([...metricNames(expr)]).toEqual(['http_requests_total', 'job:http_requests:rate5m']);
});

test('counts a __name__ matcher as a metric', () => {
  expect([...metricNames('{__name__="up", job="x"} == 0')]).toEqual(['up']);
});

test('reports where a metric is named', () => {
  expect(metricReferences('1 - foo')).toEqual([{ name: 'foo', offset: 4 }]);
});

test('points at the first syntax error', () => {
  expect(promqlSyntaxErrorAt('rate(x[5m]) > 1')).toBeUndefined();
  expect(promqlSyntaxErrorAt('rate(x[5m] > 1')).toBeGreaterThan(0);
});
