/** One stored sample of a series: its time in seconds (Prometheus's own timestamp) and its value. */
export interface TimedSample {
  t: number;
  value: number;
}

/** What Prometheus stored about the application's availability and the machine, over one window. */
export interface DowntimeEvidence {
  /** `up{job="timetable-app"}`, every stored sample of the window. */
  up: TimedSample[];
  /** `scrape_duration_seconds{job="timetable-app"}`: written by the same scrape as `up`, with the same timestamp. */
  scrapeDuration: TimedSample[];
  /** The scrape_timeout of the app's job, in seconds. */
  scrapeTimeoutS: number;
  /** `node_load1` of the machine, every stored sample of the window. */
  load1: TimedSample[];
  /** The machine's cores (node_exporter's CPUs). */
  cores: number;
  /** The request-error ratio the budget alerts read, per window (`job:http_request_errors:ratio_rate<w>`). */
  requestErrorRatios: Record<string, number | undefined>;
  /** /api/v1/targets lastError of the app's target ('' after a successful scrape). */
  lastError: string;
}

/**
 * The lowest burn rate that pages (ErrorBudgetFastBurn's 6x over 6h and 30m) times the 1%
 * budget of the 99% SLO (monitoring/alert_rules.yml): request errors below it page no tier.
 */
export const lowestPagingErrorRatio = 6 * 0.01;

/** PromQL's lookback: how far back the instant value of a series reaches (--query.lookback-delta, 5m). */
const lookbackS = 300;

/**
 * Why the downtime an availability burn read would NOT be the machine's saturation rather than the
 * app: the empty list means every stored down scrape of the app was a timeout (the scrape ran its
 * whole scrape_timeout) while the machine's run queue held more tasks than it has cores, and the
 * requests the app served failed too rarely to page by themselves.
 *
 * Prometheus v3.5.3 scrape/scrape.go: a scrape runs under context.WithTimeout(scrape_timeout)
 * (:1447) and its report writes `up` 0 for any error and scrape_duration_seconds = the time since
 * the scrape began (:1423, :2103-2117), both at the scrape's start time. So a down sample whose
 * duration is at least the timeout is a scrape that ran out of time; a refused connection or a
 * bad answer fails in less. Load per core ≥ 1 is CPU saturation in the USE method's sense:
 * runnable tasks wait for a core.
 */
export function saturatedScrapeDowntimeProblems(evidence: DowntimeEvidence): string[] {
  const problems: string[] = [];
  const down = evidence.up.filter((s) => s.value === 0);
  if (!down.length) problems.push('no scrape of the app failed in the window: the burn is not downtime');
  const durations = new Map(evidence.scrapeDuration.map((s) => [s.t, s.value]));
  const loads = [...evidence.load1].sort((a, b) => a.t - b.t);
  for (const { t } of down) {
    const at = new Date(t * 1000).toISOString();
    const duration = durations.get(t);
    if (duration === undefined) problems.push(`down at ${at}: no scrape_duration_seconds sample at that scrape`);
    else if (duration < evidence.scrapeTimeoutS) {
      problems.push(`down at ${at}: the scrape failed after ${duration.toFixed(3)} s, before its ${evidence.scrapeTimeoutS} s timeout (refused or a bad answer, not a slow one)`);
    }
    const load = loads.filter((s) => s.t <= t && s.t > t - lookbackS).at(-1);
    if (!load) problems.push(`down at ${at}: no node_load1 sample in the ${lookbackS} s before it`);
    else if (load.value / evidence.cores < 1) {
      problems.push(`down at ${at}: load ${load.value} on ${evidence.cores} cores (${(load.value / evidence.cores).toFixed(2)} per core): the machine was not saturated`);
    }
  }
  for (const [window, ratio] of Object.entries(evidence.requestErrorRatios)) {
    if (ratio !== undefined && ratio >= lowestPagingErrorRatio) {
      problems.push(`the app failed ${(ratio * 100).toFixed(2)}% of its requests over ${window}: request errors alone reach a paging burn (${lowestPagingErrorRatio * 100}%)`);
    }
  }
  if (evidence.lastError && !evidence.lastError.includes('context deadline exceeded')) {
    problems.push(`the app's last scrape failed with "${evidence.lastError}", not a timeout`);
  }
  return problems;
}

/** One line for the test's log: how many of the app's scrapes failed, how many ran out of time, and the machine's load then. */
export function downtimeSummary(evidence: DowntimeEvidence): string {
  const durations = new Map(evidence.scrapeDuration.map((s) => [s.t, s.value]));
  const down = evidence.up.filter((s) => s.value === 0);
  const timedOut = down.filter((s) => (durations.get(s.t) ?? 0) >= evidence.scrapeTimeoutS).length;
  const perCore = evidence.load1.map((s) => s.value / evidence.cores);
  const load = perCore.length ? `load per core ${Math.min(...perCore).toFixed(1)}-${Math.max(...perCore).toFixed(1)}` : 'no load sample';
  return `${down.length} of ${evidence.up.length} scrapes of the app failed (${timedOut} at their ${evidence.scrapeTimeoutS} s timeout); ${load} on ${evidence.cores} cores`;
}
