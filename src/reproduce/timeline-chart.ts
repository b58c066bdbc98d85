import type { AlertState, Timeline } from './timeline.js';

const [width, height] = [960, 340];
const margin = { left: 70, right: 40, top: 24, bottom: 46 };
const colours = ['#1f6feb', '#8250df', '#bf8700', '#1a7f37'];

export const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Runs of one state across evaluations: [from, to) in ms, `to` being the next evaluation. */
export function stateBands(t: Timeline): { state: AlertState; fromMs: number; toMs: number }[] {
  const bands: { state: AlertState; fromMs: number; toMs: number }[] = [];
  t.evaluations.forEach((e, i) => {
    const next = t.evaluations[i + 1]?.atMs ?? e.atMs;
    const last = bands.at(-1);
    if (last && last.state === e.state && last.toMs === e.atMs) last.toMs = next;
    else bands.push({ state: e.state, fromMs: e.atMs, toMs: next });
  });
  return bands.filter((b) => b.state !== 'inactive');
}

/**
 * The timeline as an SVG chart, drawn here (no charting library): each measured series, its
 * threshold as a dashed line, pending and firing as bands behind them, and a marker at each
 * delivery and resolve. Elements carry classes and data-* attributes (band-pending, band-firing,
 * marker-delivered, marker-resolved, ...) so a browser test can count what was drawn.
 */
export function timelineChart(t: Timeline, formatTime: (ms: number) => string): string {
  const endMs = Math.max(1, ...t.evaluations.map((e) => e.atMs), ...t.events.map((e) => e.atMs));
  const values = t.evaluations.flatMap((e) => e.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = Math.max(...values, ...t.conditions.map((c) => c.threshold), 0);
  const bottom = Math.min(...values, ...t.conditions.map((c) => c.threshold), 0);
  const span = top - bottom || 1;
  // A chart of non-negative values starts at zero, as readers expect.
  const [yMin, yMax] = [bottom === 0 ? 0 : bottom - span * 0.05, top + span * 0.15];
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (ms: number) => margin.left + (ms / endMs) * plotW;
  const y = (v: number) => margin.top + (1 - (v - yMin) / (yMax - yMin)) * plotH;
  const n = (v: number) => v.toFixed(1);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`${t.alert}: value against threshold, pending and firing over time`)}">`,
  );
  out.push(`<rect class="plot" x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fff" stroke="#d0d7de"/>`);
  for (const band of stateBands(t)) {
    const fill = band.state === 'firing' ? '#ffebe9' : '#fff8c5';
    out.push(
      `<rect class="band band-${band.state}" data-from-ms="${band.fromMs}" data-to-ms="${band.toMs}" x="${n(x(band.fromMs))}" y="${margin.top}" width="${n(Math.max(1, x(band.toMs) - x(band.fromMs)))}" height="${plotH}" fill="${fill}"><title>${band.state} from ${escapeXml(formatTime(band.fromMs))} to ${escapeXml(formatTime(band.toMs))}</title></rect>`,
    );
  }
  for (let k = 0; k <= 5; k++) {
    const v = yMin + ((yMax - yMin) * k) / 5;
    out.push(`<text class="tick" x="${margin.left - 6}" y="${n(y(v) + 4)}" text-anchor="end" font-size="11" fill="#57606a">${escapeXml(tickLabel(v, t.conditions[0]?.display))}</text>`);
    const ms = Math.round((endMs * k) / 5 / 1000) * 1000;
    out.push(`<text class="tick" x="${n(x(ms))}" y="${height - margin.bottom + 16}" text-anchor="middle" font-size="11" fill="#57606a">${escapeXml(formatTime(ms))}</text>`);
  }
  t.conditions.forEach((c, i) => {
    out.push(
      `<line class="threshold" data-condition="${i}" data-value="${c.threshold}" x1="${margin.left}" x2="${width - margin.right}" y1="${n(y(c.threshold))}" y2="${n(y(c.threshold))}" stroke="#cf222e" stroke-dasharray="6 4"><title>${escapeXml(`threshold ${c.op} ${c.display}`)}</title></line>`,
    );
    out.push(`<text class="threshold-label" x="${width - margin.right - 4}" y="${n(y(c.threshold) - 5)}" text-anchor="end" font-size="11" fill="#cf222e">${escapeXml(`${c.op} ${c.display}`)}</text>`);
  });
  const series = t.conditions.length ? t.conditions.map((c) => c.expr) : [t.rule.expr];
  series.forEach((label, i) => {
    const points = t.evaluations.map((e) => [e.atMs, e.values[i]] as const);
    let d = '';
    let pen = 'M';
    for (const [ms, v] of points) {
      if (v === null || v === undefined || !Number.isFinite(v)) {
        pen = 'M';
        continue;
      }
      d += `${pen}${n(x(ms))},${n(y(v))} `;
      pen = 'L';
    }
    out.push(`<path class="series" data-condition="${i}" d="${d.trim()}" fill="none" stroke="${colours[i % colours.length]}" stroke-width="2"><title>${escapeXml(label)}</title></path>`);
  });
  for (const e of t.events.filter((ev) => ev.kind === 'delivered' || ev.kind === 'resolved' || ev.kind === 'resolve-delivered')) {
    const colour = e.kind === 'resolved' ? '#1a7f37' : '#0969da';
    out.push(
      `<g class="marker marker-${e.kind}" data-at-ms="${e.atMs}"><line x1="${n(x(e.atMs))}" x2="${n(x(e.atMs))}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${colour}" stroke-width="2"/><circle cx="${n(x(e.atMs))}" cy="${margin.top + 8}" r="5" fill="${colour}"/><title>${escapeXml(e.text)}</title></g>`,
    );
  }
  // The first clause of the clock only: the whole sentence is in the report's table above.
  out.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle" font-size="12" fill="#24292f">${escapeXml(t.clock.split(/[;,]/)[0]!)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

function tickLabel(v: number, display: string | undefined): string {
  const round = (x: number) => String(Number(x.toPrecision(3)));
  if (display?.endsWith('%')) return `${round(v * 100)}%`;
  if (display?.endsWith('s')) return `${round(v)}s`;
  return round(v);
}
