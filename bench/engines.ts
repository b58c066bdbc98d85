import { CaptureClient } from '../src/capture/capture-client.js';
import { PrometheusApi } from '../src/e2e/prometheus-api.js';
import { smokeStack, type SmokeStackInfo } from '../src/stacks/smoke-stack.js';
import { startStacks } from '../src/stacks/start-stacks.js';
import { SyntheticTargetClient } from '../src/stacks/synthetic-target.js';
import { pollUntil } from '../src/waiting/poll-until.js';

/**
 * What a run pays for real engines: starting the shared services and the smoke stack
 * (Prometheus + Alertmanager), the first scrape, and one alert from metric change to the
 * receiver. Median of a few rounds, each on fresh engines. Prints figures only.
 */
export async function benchEngines(rounds = 3): Promise<void> {
  const rows: { start: number; firstScrape: number; delivered: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    const started = await startStacks([smokeStack]);
    try {
      const status = started.statuses.smoke;
      if (status?.state !== 'ready') {
        console.log(`engines: not measured: ${status?.state === 'unavailable' || status?.state === 'failed' ? status.reason : 'no status'}`);
        return;
      }
      const info = status.info as SmokeStackInfo;
      const t1 = performance.now();
      const prometheus = new PrometheusApi(info.prometheusUrl);
      await pollUntil(async () => ((await prometheus.query('smoke_value')).length ? true : undefined), { timeoutMs: 30_000, what: 'the first scrape' });
      const t2 = performance.now();
      const capture = new CaptureClient(info.captureUrl);
      const after = await capture.mark();
      await new SyntheticTargetClient(info.targetUrl).serve('smoke_value 1');
      await capture.waitFor((r) => (r.json as { status?: string } | undefined)?.status === 'firing', { path: '/webhook/smoke', after, timeoutMs: 30_000 });
      const t3 = performance.now();
      rows.push({ start: t1 - t0, firstScrape: t2 - t1, delivered: t3 - t2 });
    } finally {
      await started.stop();
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);
  console.log(`engines: smoke stack on real engines, median of ${rows.length} rounds`);
  console.log(`  network + capture server + Prometheus + Alertmanager ready: ${ms(median(rows.map((r) => r.start)))}`);
  console.log(`  first scrape after ready:                                  ${ms(median(rows.map((r) => r.firstScrape)))}`);
  console.log(`  metric changed -> alert delivered to the receiver:         ${ms(median(rows.map((r) => r.delivered)))}`);
}
