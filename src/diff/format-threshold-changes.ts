import type { ThresholdChange } from './threshold-changes.js';

const state = (firing: boolean) => (firing ? 'FIRING' : 'silent');

/**
 * One alert whose boundary moved: the words, the rule's line on each side, and each generated
 * boundary case whose outcome differs between the sides.
 *
 *   HighErrorRate: pages from > 10% (was > 5%), after 5m (unchanged)
 *       base monitoring/alert_rules.yml:53  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > 0.05
 *       head monitoring/alert_rules.yml:53  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > 0.10
 *     boundary cases generated from the rules: 5.005%, just above base's > 5% at 5m: base FIRING → head silent
 */
export function thresholdLines(t: ThresholdChange): string[] {
  const lines = [t.words];
  for (const side of ['base', 'head'] as const) {
    const s = t[side];
    lines.push(s ? `    ${side} ${s.file}:${s.exprLine}  expr: ${s.expr}${s.for ? `  for: ${s.for}` : ''}` : `    ${side} (no alert ${t.alert})`);
  }
  if (t.cases.length) lines.push('  boundary cases generated from the rules, where the sides differ:');
  for (const c of t.cases) lines.push(`    ${c.name} at ${c.at}: base ${state(c.base)} → head ${state(c.head)}`);
  for (const note of t.notes) lines.push(`  note: ${note}`);
  return lines;
}
