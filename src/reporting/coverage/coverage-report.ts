import { percentCovered, type CoverageSection } from './coverage-sections.js';
import { thresholdVariable } from './coverage-threshold.js';

const esc = (t: string) => t.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (p: number) => `${Number(p.toFixed(1))}%`;

/** Sections measured and below `minPercent`, one sentence each: what fails the run. */
export function coverageFailures(sections: readonly CoverageSection[], minPercent: number): string[] {
  return sections.flatMap((s) => {
    const p = percentCovered(s);
    if (p === undefined || p >= minPercent) return [];
    const missing = s.items.filter((i) => !i.covered).map((i) => `${i.name} (${i.where})`);
    return [`coverage: ${s.title.toLowerCase()} ${pct(p)}, below ${thresholdVariable}=${minPercent}%: not covered: ${missing.join(', ')}`];
  });
}

function headline(s: CoverageSection): string {
  const p = percentCovered(s);
  if (p === undefined) return s.notMeasured?.startsWith('not yet measured') ? 'not yet measured' : s.notMeasured?.startsWith('partly') ? 'partly measured' : 'not measured in this run';
  return `${s.items.filter((i) => i.covered).length}/${s.items.length} (${pct(p)})`;
}

/** The report as markdown (reports/coverage.md). */
export function coverageMarkdown(sections: readonly CoverageSection[], minPercent: number): string {
  const out = [
    '# Coverage of the monitoring configs by this test run',
    '',
    `Threshold: ${minPercent}% per measured section (\`${thresholdVariable}\`).`,
    '',
    '| what | covered | measured by |',
    '|---|---|---|',
  ];
  for (const s of sections) out.push(`| ${s.title} | ${headline(s)} | ${s.source} |`);
  for (const s of sections) {
    out.push('', `## ${s.title}: ${headline(s)}`, '');
    if (s.notMeasured) out.push(`_${s.notMeasured}_`);
    const missing = s.items.filter((i) => !i.covered);
    if (!s.notMeasured && missing.length) out.push('Not covered:', '', ...missing.map((i) => `- ${i.name} (\`${i.where}\`)`));
    else if (!s.notMeasured) out.push(`All covered: ${s.items.map((i) => i.name).join(', ')}.`);
  }
  return `${out.join('\n')}\n`;
}

/** The same as a standalone HTML page (reports/coverage.html). */
export function coverageHtml(sections: readonly CoverageSection[], minPercent: number): string {
  const rows = sections.map((s) => {
    const p = percentCovered(s);
    const state = p === undefined ? 'unmeasured' : p >= minPercent ? 'ok' : 'below';
    const items = s.notMeasured
      ? `<p class="why">${esc(s.notMeasured)}</p>`
      : `<ul>${s.items.map((i) => `<li class="${i.covered ? 'covered' : 'missing'}">${esc(i.name)} <code>${esc(i.where)}</code></li>`).join('')}</ul>`;
    return `<section class="${state}" data-section="${s.id}"><h2>${esc(s.title)}: ${esc(headline(s))}</h2><p class="source">measured by ${esc(s.source)}</p>${items}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coverage</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:960px;color:#24292f}section{border-left:4px solid #d0d7de;padding-left:12px;margin:16px 0}
section.ok{border-color:#1a7f37}section.below{border-color:#cf222e}li.missing{color:#cf222e;font-weight:600}li.covered{color:#1a7f37}.why,.source{color:#57606a}code{font-size:12px}
</style></head><body><h1>Coverage of the monitoring configs by this test run</h1><p>Threshold: ${minPercent}% per measured section (<code>${thresholdVariable}</code>).</p>${rows.join('\n')}</body></html>\n`;
}
