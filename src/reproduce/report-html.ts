import { escapeXml as esc, timelineChart } from './timeline-chart.js';
import type { Timeline } from './timeline.js';

/**
 * The reproduce report: for each alert, what was played and how, the chart, the events with
 * their times, and each notification as the receiver got it (live) or would get it (simulated).
 * One self-contained file: no script, no external resource.
 */
export function reportHtml(title: string, timelines: readonly Timeline[], formatTime: (ms: number) => string): string {
  const sections = timelines.map((t) => {
    const events = t.events.map((e) => `<tr class="event event-${e.kind}"><td>${esc(formatTime(e.atMs))}</td><td>${esc(e.kind)}</td><td>${esc(e.text)}</td></tr>`).join('\n');
    const deliveries = t.deliveries.length
      ? t.deliveries
          .map(
            (d) => `<div class="delivery${d.resolved ? ' resolved' : ''}" data-observed="${d.observed}">
<h4>${esc(formatTime(d.atMs))} · ${esc(d.receiver)} → ${esc(d.target)} (${d.integration})${d.observed ? '' : ' · simulated'}</h4>
<p>${esc(d.summary)}</p>
${d.payload === undefined ? '<p class="muted">No payload: without a running Alertmanager nothing is rendered or sent.</p>' : `<pre>${esc(JSON.stringify(d.payload, null, 2))}</pre>`}
</div>`,
          )
          .join('\n')
      : '<p class="muted">Nothing was delivered.</p>';
    const notes = t.notes.map((n) => `<li>${esc(n)}</li>`).join('');
    return `<section class="timeline" data-alert="${esc(t.alert)}" data-mode="${t.mode}">
<h2>${esc(t.boundary)}</h2>
<table class="meta">
<tr><th>rule</th><td><code>${esc(t.rule.file)}:${t.rule.line}</code> <code>${esc(t.rule.expr)}</code>${t.rule.for ? ` for <code>${esc(t.rule.for)}</code>` : ''}</td></tr>
<tr><th>played</th><td>${esc(t.source)}</td></tr>
<tr><th>mode</th><td>${esc(t.mode)}: ${esc(t.modeReason)}</td></tr>
<tr><th>clock</th><td>${esc(t.clock)}</td></tr>
</table>
<figure>${timelineChart(t, formatTime)}
<figcaption><span class="key pending"></span> pending <span class="key firing"></span> firing <span class="key threshold"></span> threshold <span class="key delivered"></span> delivered <span class="key resolved"></span> resolved</figcaption></figure>
<h3>Events</h3>
<table class="events"><tr><th>time</th><th>what</th><th></th></tr>
${events}
</table>
<h3>Notifications${t.deliveries.some((d) => d.observed) ? ', as sent' : ''}</h3>
${deliveries}
${notes ? `<ul class="notes">${notes}</ul>` : ''}
</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #24292f; margin: 24px; max-width: 1000px; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 28px; } h3 { font-size: 15px; } h4 { font-size: 13px; margin: 8px 0 2px; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 3px 8px; vertical-align: top; border-bottom: 1px solid #eaeef2; }
code, pre { font: 12px ui-monospace, monospace; } pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
.muted { color: #57606a; } .delivery { border-left: 3px solid #0969da; padding-left: 10px; margin: 8px 0; } .delivery.resolved { border-color: #1a7f37; }
.key { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px; } .key.pending { background: #fff8c5; border: 1px solid #d4a72c; } .key.firing { background: #ffebe9; border: 1px solid #cf222e; }
.key.threshold { border-top: 2px dashed #cf222e; height: 0; } .key.delivered { background: #0969da; height: 3px; } .key.resolved { background: #1a7f37; height: 3px; }
</style></head>
<body>
<h1>${esc(title)}</h1>
${sections.join('\n')}
</body></html>
`;
}
