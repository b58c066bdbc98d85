import type { PrometheusApi } from '../e2e/prometheus-api.js';

/** How Prometheus's scrapes of one job went over a span, from its own `up` and `scrape_duration_seconds`. */
export interface JobScrapeHealth {
  job: string;
  /** Scrapes Prometheus recorded (an `up` sample each). */
  scrapes: number;
  /** Of those, the failed ones (`up` 0). */
  failed: number;
  /** The longest scrape, in seconds. */
  slowestS: number;
}

/** The job of Prometheus's self-scrape (localhost:9090 inside its own container) in monitoring/prometheus.yml. */
export const selfScrapeJob = 'prometheus';

/**
 * Each job's scrapes over the last `spanMs`, as Prometheus recorded them: every scrape writes `up`
 * (0 for any scrape error, a timeout included) and `scrape_duration_seconds` (prometheus v3.5.3
 * scrape/scrape.go, report(): :2107-2112).
 */
export async function scrapeHealth(prometheus: PrometheusApi, spanMs: number): Promise<JobScrapeHealth[]> {
  const range = `[${Math.max(1, Math.ceil(spanMs / 1000))}s]`;
  const byJob = async (expr: string) => new Map((await prometheus.query(expr)).map((s) => [s.metric.job ?? '?', Number(s.value[1])]));
  const [scrapes, succeeded, slowest] = await Promise.all([
    byJob(`sum by (job) (count_over_time(up${range}))`),
    byJob(`sum by (job) (sum_over_time(up${range}))`),
    byJob(`max by (job) (max_over_time(scrape_duration_seconds${range}))`),
  ]);
  return [...scrapes].map(([job, n]) => ({ job, scrapes: n, failed: n - (succeeded.get(job) ?? 0), slowestS: slowest.get(job) ?? 0 })).sort((a, b) => a.job.localeCompare(b.job));
}

/**
 * What a failed scrape-fault test prints beside its timeline: each job's failed and slowest
 * scrapes, and a verdict. The self-scrape needs nothing but Prometheus, so when it failed too,
 * Prometheus was too starved of CPU to scrape in time, and a stand-in's failed scrapes in that
 * span say nothing about the stand-in. Measured under scripts/cpu-hog.sh at load ~100 (issue 8):
 * the self-scrape was up 31% of 2 minutes, every job's slowest scrape 2-10 s against a 2.5 s
 * timeout, while the app stand-in answered a GET from the host within 0.1 s.
 */
export function renderScrapeHealth(health: readonly JobScrapeHealth[], scrapeTimeoutMs: number): string {
  const lines = health.map((h) => `  ${h.job.padEnd(16)} ${h.failed} of ${h.scrapes} scrapes failed, slowest ${h.slowestS.toFixed(2)} s`);
  const self = health.find((h) => h.job === selfScrapeJob);
  const verdict = !self
    ? `no self-scrape (job ${selfScrapeJob}) recorded: whether Prometheus could scrape in time is unknown`
    : self.failed > 0
      ? `Prometheus failed ${self.failed} of ${self.scrapes} scrapes of itself: it could not scrape in time (starved of CPU), so failed scrapes of the other jobs here may be its own, not the targets'`
      : `Prometheus scraped itself every time: failed scrapes of the other jobs are the targets' own`;
  return [`scrapes as Prometheus recorded them (timeout ${scrapeTimeoutMs / 1000} s):`, ...lines, `  ${verdict}`].join('\n');
}
