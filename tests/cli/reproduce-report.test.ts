import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import type { Timeline } from '../../src/reproduce/timeline.js';
import { stateBands } from '../../src/reproduce/timeline-chart.js';
import { chromiumMissing, launchChromium } from './headless-chromium.js';
import { runReproduceCli } from './run-reproduce-cli.js';

/**
 * The reproduce report in a real browser (Debian's Chromium, headless): it renders, its chart
 * has exactly the bands and markers of the timeline the command printed as JSON, and a screenshot
 * of it is written (reports/screenshots/; the README's, docs/images/reproduce-HighLatency.png, is
 * the same page of a live run: `npx tsx scripts/screenshot-report.ts`).
 */
const report = 'reports/reproduce/HighLatency-browser-test.html';
const screenshot = 'reports/screenshots/reproduce-HighLatency-simulated.png';
let run: { code: number; output: string; stdout: string };
let timeline: Timeline;

beforeAll(async () => {
  run = await runReproduceCli(['HighLatency', '--simulated', '--json', '--report', report]);
  if (run.code === 0) timeline = (JSON.parse(run.stdout) as { timelines: Timeline[] }).timelines[0]!;
}, 300_000);

let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
afterAll(async () => browser?.close(), 60_000);

function ready(ctx: TestContext) {
  if (/promtool is not available/.test(run.output)) ctx.skip(/promtool is not available: .*/.exec(run.output)![0]);
  expect(run.code, run.output).toBe(0);
  const missing = chromiumMissing();
  if (missing) ctx.skip(missing);
}

describe('the reproduce report in headless Chromium', () => {
  it('renders the chart with the bands and markers of the timeline, and leaves a screenshot', async (ctx) => {
    ready(ctx);
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(`file://${join(repoRoot, report)}`);
    const chart = page.locator('section[data-alert="HighLatency"] svg.timeline-chart');
    await chart.waitFor({ state: 'visible', timeout: 60_000 });
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(200);

    const bands = await page.$$eval('svg.timeline-chart rect.band', (els) =>
      els.map((e) => ({ state: e.getAttribute('class')!.replace('band band-', ''), fromMs: Number(e.getAttribute('data-from-ms')), toMs: Number(e.getAttribute('data-to-ms')) })),
    );
    expect(bands).toEqual(stateBands(timeline));
    expect(bands.map((b) => b.state)).toEqual(['pending', 'firing']);
    const markers = await page.$$eval('svg.timeline-chart g.marker', (els) => els.map((e) => [e.getAttribute('class')!.replace('marker marker-', ''), Number(e.getAttribute('data-at-ms'))]));
    expect(markers).toEqual(timeline.events.filter((e) => ['delivered', 'resolved', 'resolve-delivered'].includes(e.kind)).map((e) => [e.kind, e.atMs]));
    expect(markers.map(([kind]) => kind)).toEqual(['delivered', 'resolved', 'resolve-delivered']);
    const threshold = await page.$eval('svg.timeline-chart line.threshold', (e) => Number(e.getAttribute('data-value')));
    expect(threshold).toBe(1);
    // The series is drawn: a path through every evaluation with a value.
    const points = await page.$eval('svg.timeline-chart path.series', (e) => (e.getAttribute('d') ?? '').split(/[ML]/).filter((p: string) => p.trim()).length);
    expect(points).toBe(timeline.evaluations.filter((e) => e.values[0] !== null).length);
    expect(await page.locator('section[data-alert="HighLatency"] h2').textContent()).toBe('HighLatency: warns from > 1s, after 5m');

    mkdirSync(join(repoRoot, 'reports/screenshots'), { recursive: true });
    await page.locator('section[data-alert="HighLatency"]').screenshot({ path: join(repoRoot, screenshot) });
    const png = readFileSync(join(repoRoot, screenshot));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(existsSync(join(repoRoot, screenshot))).toBe(true);
  });
});
