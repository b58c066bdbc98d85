import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { repoPath, repoRoot } from '../../src/sources/repo-files.js';
import { SourceFiles } from '../../src/sources/source-files.js';
import { YamlFile } from '../../src/sources/yaml-file.js';
import { knownSeries, recordingRulesFile } from '../../src/metrics-contract/known-series.js';
import { contractFile } from '../../src/metrics-contract/metrics-contract.js';
import { canonicalRules } from '../../src/prometheus-rules/canonical-rules.js';
import { runbookQueries } from '../../src/prometheus-rules/checks/recording-unused-check.js';
import { runbookBaseUrl } from '../../src/prometheus-rules/checks/runbook-check.js';
import { metricNames, promqlSyntaxErrorAt } from '../../src/prometheus-rules/promql-selectors.js';

// Every alert links a runbook that exists, says the four things on-call needs, agrees with
// the rule it documents, and whose queries would run: they parse and select real metrics.
const alerts = canonicalRules().alerts();
const known = knownSeries(YamlFile.load(contractFile), YamlFile.load(recordingRulesFile));

describe.each(alerts.map((a) => [a.name, a] as const))('runbook of %s', (name, alert) => {
  const path = alert.annotations.runbook_url?.startsWith(runbookBaseUrl) ? alert.annotations.runbook_url.slice(runbookBaseUrl.length) : undefined;
  const text = path && existsSync(repoPath(path)) ? readFileSync(repoPath(path), 'utf8') : '';

  test('runbook_url resolves to a file of this repository', () => {
    expect(path, `runbook_url of ${name} must start with ${runbookBaseUrl}`).toBe(`docs/runbooks/${name}.md`);
    expect(existsSync(repoPath(path!)), `${path} is missing`).toBe(true);
  });

  test('says what it means, how to confirm, how to mitigate and when to escalate', () => {
    for (const section of ['## What it means', '## How to confirm', '## How to mitigate', '## When to escalate']) expect(text).toContain(section);
    expect(text).toContain('```promql');
  });

  test("states the rule's severity and for", () => {
    expect(text).toContain(`**Severity:** ${alert.labels.severity}`);
    expect(text).toContain(`**For:** ${alert.for ?? 'none'}`);
  });
});

test('every runbook query parses and selects only contract metrics or recording rules', () => {
  const queries = runbookQueries(new SourceFiles(repoRoot));
  expect(queries.length).toBeGreaterThanOrEqual(alerts.length);
  const bad = queries.flatMap((q) => {
    const at = promqlSyntaxErrorAt(q.expr);
    if (at !== undefined) return [`${q.where}: does not parse at ${at}: ${q.expr}`];
    return [...metricNames(q.expr)].filter((m) => !known.has(m)).map((m) => `${q.where}: selects unknown metric ${m}`);
  });
  expect(bad).toEqual([]);
});
