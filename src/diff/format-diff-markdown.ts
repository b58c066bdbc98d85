import type { DiffReport } from './diff-report.js';
import type { ThresholdChange } from './threshold-changes.js';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const state = (firing: boolean) => (firing ? '**FIRING**' : 'silent');

/**
 * The report as markdown for a pull-request comment or a GitHub Actions job summary: the verdict
 * first, each moved threshold in words with a chart (Mermaid, which GitHub draws in comments and
 * summaries alike: no image to host), then the differences the text report lists.
 */
export function formatDiffMarkdown(report: DiffReport): string {
  const out: string[] = [];
  const head = report.head.name === 'working tree' ? 'the working tree' : code(report.head.name);
  out.push(`## Behaviour diff: ${code(report.base.name)} → ${head}`, '');
  const verdict = report.notCompared.length ? '**No verdict**: some scenarios could not be used (below).' : report.changed ? `**Behaviour changed**: ${summary(report)}.` : '**No behaviour changed.**';
  out.push(
    verdict,
    '',
    `Base ${cell(report.base.description)}; head ${cell(report.head.description)}. Same scenarios on both sides: ${report.rules.compared} rule expectations, ${report.routing.routeCases} routing and ${report.routing.inhibitionCases} inhibition cases.`,
  );

  if (report.thresholds.length) {
    out.push('', '### Thresholds');
    for (const t of report.thresholds) out.push('', ...threshold(t));
  }
  if (report.rules.differences.length) {
    out.push('', '### Rule scenarios that behave differently', '', '| alert or query | case | at | base → head |', '|---|---|---|---|');
    for (const d of report.rules.differences)
      out.push(`| ${cell(d.subject)} | ${cell(d.case)} (${code(`${d.scenario}:${d.caseLine}`)}) | ${d.at} | ${cell(d.summary.replace(/^base /, '').replace(' → head ', ' → '))} |`);
  }
  if (report.rules.definitions.length) {
    out.push('', '### Rule definitions');
    for (const r of report.rules.definitions)
      out.push(
        `- ${r.kind} **${r.name}**: ${r.change === 'changed' ? `${r.fields.join(', ')} changed` : r.change}${r.shownBy ? ` (shown by ${r.shownBy} scenario differences)` : ' (no scenario tells the two apart)'}`,
      );
  }
  if (report.routing.differences.length) {
    out.push('', '### Routing', '');
    for (const d of report.routing.differences) out.push(`- ${cell(d.case)} (${code(`${d.scenario}:${d.line}`)}): ${cell(d.summary)}`);
  }
  if (report.config.length) {
    out.push('', '### Routing and evaluation config', '');
    for (const c of report.config) out.push(`- ${cell(c.what)} ${c.change === 'changed' ? cell(c.fields.join('; ')) : c.change}`);
  }
  const unread = report.files.filter((f) => !f.evaluated);
  if (unread.length || report.notCompared.length) out.push('', '### Not evaluated', '');
  for (const f of unread) out.push(`- ${f.status} ${code(f.file)} (not evaluated by this diff)`);
  for (const line of report.notCompared) out.push(`- scenario not compared: ${cell(line)}`);
  out.push('', `<sub>\`npm run diff\` · wall time ${(report.wallTimeMs / 1000).toFixed(1)} s · promtool ${cell(report.base.promtool)}</sub>`, '');
  return out.join('\n');
}

function summary(report: DiffReport): string {
  const parts: [number, string][] = [
    [report.thresholds.length, 'threshold'],
    [report.rules.differences.length, 'rule expectation'],
    [report.rules.definitions.length, 'rule definition'],
    [report.routing.differences.length, 'routing case'],
    [report.config.length, 'config change'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`)
    .join(', ');
}

function threshold(t: ThresholdChange): string[] {
  const out = [`**${cell(t.words)}**`, ''];
  for (const side of ['base', 'head'] as const) {
    const s = t[side];
    out.push(`- ${side}: ${s ? `${code(`${s.file}:${s.exprLine}`)} ${code(s.expr)}${s.for ? ` for ${code(s.for)}` : ''}` : `no alert ${t.alert}`}`);
  }
  out.push(...chart(t));
  if (t.cases.length) {
    out.push('', '| boundary case (generated from the rules) | at | base | head |', '|---|---|---|---|');
    for (const c of t.cases) out.push(`| ${cell(c.name)} | ${c.at} | ${state(c.base)} | ${state(c.head)} |`);
  }
  for (const note of t.notes) out.push('', `> ${cell(note)}`);
  return out;
}

/**
 * Which held values fire at `for` on each side: x the values the generated cases held the
 * measured series at, bars base, line head. The step where each starts firing is its threshold.
 */
function chart(t: ThresholdChange): string[] {
  const at = t.chart.atMs.length - 1;
  const rows = t.chart.cases.filter((c) => c.value !== undefined).sort((a, b) => a.value! - b.value!);
  if (rows.length < 2 || at < 0) return [];
  const label = (c: (typeof rows)[number]) => JSON.stringify(c.label.replace(/"/g, "'"));
  return [
    '',
    '```mermaid',
    'xychart-beta',
    `  title "${t.alert}: fires at for? bars base, line head"`,
    `  x-axis [${rows.map(label).join(', ')}]`,
    '  y-axis "fires (1) or not (0)" 0 --> 1',
    `  bar [${rows.map((c) => (c.base[at] ? 1 : 0)).join(', ')}]`,
    `  line [${rows.map((c) => (c.head[at] ? 1 : 0)).join(', ')}]`,
    '```',
  ];
}
