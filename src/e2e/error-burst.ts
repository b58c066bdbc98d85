import type { PrometheusApi } from './prometheus-api.js';
import { canonicalRules } from '../prometheus-rules/canonical-rules.js';
import { pollUntil } from '../waiting/poll-until.js';

export interface ErrorBurst {
  /** Requests of the app in Prometheus's 5m window just before the burst. */
  inWindow: number;
  /** Failing requests sent in the burst. */
  sent: number;
  /** When the burst started and ended (ms since the epoch), for the scenario's premise check. */
  startedAt: number;
  endedAt: number;
  statuses: Record<number, number>;
}

const api = '/api/timelines';

/**
 * A sudden outage of the example app, as real 5xx: the error share of the 5m window jumps from 0
 * past both HighErrorRate's 5% and ElevatedErrorRate's 0.5% at once, instead of climbing through
 * them for minutes as steady traffic at 10% errors makes it do. That matters because the test
 * copy divides `for` but not the 5m rate window: a slow climb crosses 0.5% long before 5%, so the
 * warning fires first and reaches Slack before the page that would inhibit it exists. In
 * production a sudden outage gives the same order the burst gives here (5% crossed within
 * ElevatedErrorRate's extra 5 minutes of `for`).
 *
 * How the jump is made certain, not likely:
 * - one failing request first, and a wait until Prometheus has the 5xx series: rate() counts
 *   increases only, so the series' first sample (holding that request) adds nothing, and every
 *   request of the burst is an increase;
 * - a burst as large as the whole window (at least 20 requests), all failing: once it is
 *   scraped the error share is 50% or more, whatever the window held;
 * - and twice the minimum traffic the error alerts ask of the 5m window (their guard
 *   `job:http_requests:rate5m >= x`, read from HighErrorRate's expression), so that guard holds
 *   on a stack whose window held little else;
 * - nothing follows the burst, so the share stays there for the 5 minutes the window keeps it.
 */
export async function errorBurst(appUrl: string, prometheus: PrometheusApi, job: string): Promise<ErrorBurst> {
  const statuses: Record<number, number> = {};
  const get = async () => {
    const res = await fetch(`${appUrl}${api}`, { signal: AbortSignal.timeout(60_000) }).catch(() => undefined);
    await res?.arrayBuffer();
    const status = res?.status ?? 0;
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  await switchFault(appUrl, '/fault/error-rate?ratio=1');
  try {
    await get();
    await pollUntil(async () => ((await prometheus.query(`http_requests_total{job="${job}",route="${api}",status=~"5.."}`)).length ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: `Prometheus to scrape the app's first 5xx of ${api} (the series the burst will increase)`,
    });
    const inWindow = (await prometheus.query(`sum(increase(http_requests_total{job="${job}"}[5m]))`)).reduce((sum, s) => sum + Number(s.value[1]), 0);
    const sent = Math.max(20, Math.ceil(inWindow), Math.ceil(2 * minimumRate() * 300));
    const startedAt = Date.now();
    // Ten at a time: quick, and no more sockets than a busy machine serves without refusing.
    for (let done = 0; done < sent; done += 10) await Promise.all(Array.from({ length: Math.min(10, sent - done) }, get));
    return { inWindow, sent, startedAt, endedAt: Date.now(), statuses };
  } finally {
    await switchFault(appUrl, '/fault/reset');
  }
}

/** The request rate (per second) HighErrorRate's traffic guard asks for, 0 without a guard. */
function minimumRate(): number {
  const rule = canonicalRules()
    .alerts()
    .find((a) => a.name === 'HighErrorRate');
  const guard = /job:http_requests:rate5m\{[^}]*\}\s*>=?\s*([\d.]+)/.exec(rule?.expr ?? '');
  return guard ? Number(guard[1]) : 0;
}

async function switchFault(appUrl: string, path: string): Promise<void> {
  const res = await fetch(`${appUrl}${path}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
  if (res.status !== 200) throw new Error(`the example app answered POST ${path} with ${res.status}: ${await res.text()}`);
}
