import pc from 'picocolors';
import { location } from '../sources/location.js';
import type { Problem } from './problem.js';

/**
 * Renders a problem the way pint does: the message, the location, the offending
 * source line with a caret, then the hint.
 *
 *   [alerts/runbook-exists] HighLatency: runbook docs/runbooks/HighLatency.md does not exist
 *     ---> monitoring/alert_rules.yml:42
 *     42 |       runbook_url: https://...
 *     hint: write the runbook, or fix the URL
 */
export function formatProblem(p: Problem, sourceLines?: readonly string[], color = false): string {
  const c = color ? pc : pc.createColors(false);
  const tag = p.severity === 'error' ? c.red(`[${p.check}]`) : c.yellow(`[${p.check}]`);
  const out = [`${tag} ${p.message}`, `  ---> ${location(p)}`];
  const text = p.line !== undefined ? sourceLines?.[p.line - 1] : undefined;
  if (text !== undefined && p.line !== undefined) {
    const gutter = `  ${p.line} | `;
    out.push(gutter + text);
    if (p.column !== undefined) out.push(' '.repeat(gutter.length + p.column - 1) + c.red('^'));
  }
  if (p.hint) out.push(`  ${c.cyan('hint:')} ${p.hint}`);
  return out.join('\n');
}
