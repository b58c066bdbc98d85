import pc from 'picocolors';
import type { ConfigChange } from './alertmanager-changes.js';
import type { DiffReport } from './diff-report.js';
import { thresholdLines } from './format-threshold-changes.js';
import type { RuleChange, RuleSnapshot } from './rule-changes.js';
import type { RuleDifference } from './rule-differences.js';

/**
 * The report as text: what was compared, then only what differs, each line naming the scenario
 * (file:line) and the config lines behind it on each side, then one summary line.
 *
 *   HighErrorRate · "4.9% of requests fail" (fixtures/rules/alerts/HighErrorRate.yaml:20) at 5m15s: base silent → head FIRING
 *       base monitoring/alert_rules.yml:53  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > 0.05
 *       head monitoring/alert_rules.yml:53  expr: job:http_request_errors:ratio_rate5m{job="timetable-app"} > 0.04
 */
export function formatDiffReport(report: DiffReport, color = false): string {
  const c = color ? pc : pc.createColors(false);
  const out: string[] = [];
  const { base, head, rules, routing } = report;
  out.push(c.bold(`Behaviour diff: base ${base.name} (${base.description}) → head ${head.name === 'working tree' ? head.description : `${head.name} (${head.description})`}`));
  out.push(
    `Same scenarios on both sides, from the working tree's fixtures/: ${rules.compared} rule expectations at ${rules.evaluations} evaluation times in ${rules.cases} cases; ${routing.routeCases} routing and ${routing.inhibitionCases} inhibition cases.`,
  );

  section(out, c.bold('Files that differ under monitoring/'), report.files, (f) => [`${f.status} ${f.file}${f.evaluated ? '' : ' (not evaluated by this diff)'}`]);
  section(out, c.bold('Scenarios not compared'), report.notCompared, (line) => [line]);
  section(out, c.bold(`Thresholds: ${count(report.thresholds.length, 'alert')} whose boundary moved`), report.thresholds, thresholdLines);
  section(out, c.bold(`Rules: ${count(rules.differences.length, 'expectation')} differ${rules.differences.length === 1 ? 's' : ''}`), rules.differences, (d) => ruleDifference(d, rules.definitions));
  section(out, c.bold(`Rule definitions: ${count(rules.definitions.length, 'change')}`), rules.definitions, (d) => [definition(d)]);
  section(out, c.bold(`Routing: ${count(routing.differences.length, 'case')} differ${routing.differences.length === 1 ? 's' : ''}`), routing.differences, (d) => [
    `${d.kind === 'inhibition' ? 'inhibition ' : ''}"${d.case}" (${d.scenario}:${d.line}): ${d.summary}`,
    ...d.details.map((line) => `    ${line}`),
  ]);
  section(out, c.bold(`Routing and evaluation config: ${count(report.config.length, 'change')}`), report.config, (ch) => [configChange(ch)]);

  const parts = [
    [report.thresholds.length, 'threshold'],
    [rules.differences.length, 'rule expectation'],
    [rules.definitions.length, 'rule definition'],
    [routing.differences.length, 'routing case'],
    [report.config.length, 'config change'],
  ].filter(([n]) => Number(n) > 0);
  const verdict = report.changed ? c.yellow(`Behaviour changed: ${parts.map(([n, what]) => count(Number(n), String(what))).join(', ')}.`) : c.green('No behaviour changed.');
  const unread = report.files.filter((f) => !f.evaluated).length;
  if (report.notCompared.length) out.push('', c.red(`No verdict: ${count(report.notCompared.length, 'scenario file')} could not be used (listed above); their cases were compared on neither side.`));
  out.push('', `${verdict}${unread ? ` ${count(unread, 'changed file')} not evaluated (listed above).` : ''} Wall time ${(report.wallTimeMs / 1000).toFixed(1)} s (promtool: ${base.promtool}).`);
  return out.join('\n');
}

function section<T>(out: string[], title: string, items: readonly T[], render: (item: T) => string[]): void {
  if (items.length === 0) return;
  out.push('', title);
  for (const item of items) out.push(...render(item).map((line) => `  ${line}`));
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function ruleDifference(d: RuleDifference, definitions: DiffReport['rules']['definitions']): string[] {
  const head = `${d.subject} · "${d.case}" (${d.scenario}:${d.caseLine}) at ${d.at}: ${d.summary}`;
  const details = d.details.map((line) => `    ${line}`);
  const lines = definitions.filter((r) => d.rules.includes(r.id)).flatMap(ruleLines);
  return [head, ...details, ...lines];
}

/** The changed definition on each side: expr (and for) with file:line; `(none)` where absent. */
function ruleLines(r: RuleChange): string[] {
  const show = (side: 'base' | 'head', s: RuleSnapshot | undefined) => {
    if (!s) return [`    ${side} (no ${r.kind} ${r.name})`];
    const lines = [`    ${side} ${s.file}:${s.exprLine}  expr: ${s.expr}`];
    if (r.fields.includes('for')) lines.push(`    ${side} ${s.file}:${s.forLine ?? s.line}  for: ${s.for ?? '(none)'}`);
    return lines;
  };
  if (r.change === 'changed' && !r.fields.includes('expr') && !r.fields.includes('for')) return [];
  return [...show('base', r.base), ...show('head', r.head)];
}

function definition(r: RuleChange & { shownBy: number }): string {
  const where = (s: RuleSnapshot | undefined) => (s ? `${s.file}:${s.line}` : '');
  const what =
    r.change === 'changed'
      ? `${r.fields.join(', ')} changed (base ${where(r.base)}, head ${where(r.head)})`
      : r.change === 'added'
        ? `added (head ${where(r.head)})`
        : `removed (base ${where(r.base)})`;
  const untold =
    r.change === 'added'
      ? 'no scenario tests it yet: add one (fixtures/rules/README.md)'
      : r.change === 'removed'
        ? 'no scenario shows what it did'
        : 'no scenario shows a difference: add a case that tells the two apart (fixtures/rules/README.md)';
  const shown = r.shownBy ? `shown by ${count(r.shownBy, 'difference')} above` : untold;
  return `${r.kind} ${r.name}: ${what}; ${shown}`;
}

function configChange(ch: ConfigChange): string {
  const where = [ch.base && `base ${ch.base.file}:${ch.base.line}`, ch.head && `head ${ch.head.file}:${ch.head.line}`].filter(Boolean).join(', ');
  return `${ch.what} ${ch.change === 'changed' ? ch.fields.join('; ') : ch.change} (${where})`;
}
