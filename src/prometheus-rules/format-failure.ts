import { readFileSync } from 'node:fs';
import { repoPath } from '../sources/repo-files.js';
import type { RuleTestFailure } from './run-rule-tests.js';
import type { RuleInventory } from './rule-inventory.js';

/**
 * Renders a failed expectation the way pint renders a problem: what went wrong, the scenario
 * line that expected it, the rule line that produced it, then expected vs got.
 *
 *   [rules/test] HighErrorRate did not fire at 6m; expected 1 firing alert(s)
 *     ---> fixtures/rules/alerts/HighErrorRate.yaml:31 (case "6% of requests fail")
 *     31 |       - at: 6m
 *     ---> monitoring/alert_rules.yml:52 (alert HighErrorRate)
 *     52 |         expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > 0.05
 *     expected: {...}
 */
export function formatFailure(failure: RuleTestFailure, inventory?: RuleInventory): string {
  const out = [`[rules/test] ${failure.message}`];
  const ref = failure.ref;
  if (ref) {
    out.push(`  ---> ${ref.scenario.file}:${ref.expectation.line} (case "${ref.case.name}")`);
    out.push(sourceLine(ref.scenario.file, ref.expectation.line));
    const rule = ruleOf(failure, inventory);
    if (rule) {
      out.push(`  ---> ${rule.file}:${rule.exprLine} (${rule.kind} ${rule.name})`);
      out.push(sourceLine(rule.file, rule.exprLine));
    }
  }
  for (const d of failure.details) out.push(`  ${d}`);
  if (failure.hint) out.push(`  hint: ${failure.hint}`);
  return out.filter((l) => l !== '').join('\n');
}

function ruleOf(failure: RuleTestFailure, inventory?: RuleInventory) {
  const e = failure.ref?.expectation;
  if (!e || !inventory) return undefined;
  if (e.kind === 'alert') return inventory.find('alert', e.alert);
  return inventory.records().find((r) => new RegExp(`(^|[^\\w:])${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w:])`).test(e.query));
}

const cache = new Map<string, string[]>();
function sourceLine(file: string, line: number): string {
  let lines = cache.get(file);
  if (!lines) {
    try {
      lines = readFileSync(repoPath(file), 'utf8').split('\n');
    } catch {
      lines = [];
    }
    cache.set(file, lines);
  }
  const text = lines[line - 1];
  return text === undefined ? '' : `  ${line} | ${text}`;
}
