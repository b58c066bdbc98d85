import { formatDuration } from '../prometheus-rules/duration.js';
import { routingTimeFactor } from '../alertmanager/time-compression.js';

/**
 * How the end-to-end Prometheus servers keep time, compared with production.
 *
 * Scaled by `ruleTimeFactor`: every `for:` and `keep_firing_for:` of the rule files (and a
 * group's `interval:`), and Prometheus's --rules.alert.resend-delay. It is the factor the test
 * Alertmanager divides its routing timers by, so the order of events stays as in production:
 * a `for: 1m` (600 ms) still ends long before a `for: 5m` (3 s), and a critical alert's
 * group_wait (10 ms) still beats a warning's (50 ms).
 *
 * Not scaled: PromQL range windows and offsets (`[5m]`, `[30d]`, `offset 1w`), numeric seconds
 * in expressions (`predict_linear(..., 4 * 3600)`), and the 5m lookback. Rewriting them would
 * change what the rules mean; instead the incident tests inject real history (remote write),
 * so a 30-day window holds 30 days of data, in real time.
 */
export const ruleTimeFactor = routingTimeFactor;

/**
 * Evaluation every 250 ms rather than 15s / 100 = 150 ms: every scaled `for` (the shortest is
 * 600 ms) still spans two evaluations or more, and fifteen Prometheus servers reading weeks of
 * injected history fit on two cores (measured: the SLO recording group takes ~17 ms over 30 days
 * of 4-minute samples).
 */
export const testEvaluationInterval = '250ms';

/** How one end-to-end Prometheus keeps time: its scrape cadence and how much its `for`s shrink. */
export interface PrometheusTiming {
  /** scrape_interval and scrape_timeout of the test copy, in ms (Prometheus refuses a timeout longer than the interval). */
  scrapeIntervalMs: number;
  /** Every `for`, `keep_firing_for` and group `interval` of the rule files is divided by this. */
  ruleFactor: number;
  evaluationInterval: string;
}

/**
 * --rules.alert.resend-delay: Prometheus's default (1m) scaled like `for`, but never under 15 s.
 * A firing alert is re-sent every resend-delay, and each send is a lease: Alertmanager takes it
 * as resolved 4 × max(resend-delay, evaluation interval) after the last send (rules/alerting.go,
 * sendAlerts: "Allow for two Eval or Alertmanager send failures"). Scaled to 600 ms, the lease was
 * 2.4 s; on a loaded 2-core machine a Prometheus stalls longer than that, its DatabaseDown or
 * ApplicationDown lapsed in Alertmanager while still firing, and the alerts they inhibit were
 * delivered (the incidents failed so at load ~80). Production's lease is 4 minutes; 60 s keeps a
 * lapse out of reach of any stall we measured, and the first send of a new alert and of a resolved
 * one is never delayed (needsSending), so no timing the tests observe depends on it.
 */
export function testResendDelayMs(timing: PrometheusTiming): number {
  return Math.max(60_000 / timing.ruleFactor, 15_000);
}

/**
 * The incidents' timing: rules ÷ the routing factor (their signal is injected history, not
 * scrapes). Scrapes every second, not every 150 ms (15s ÷ 100): node_exporter and mysqld_exporter
 * are not asked to collect seven times a second. The timeout equals the interval (Prometheus
 * refuses a longer one); the canonical 10s scaled would be 100 ms, too short for an exporter on a
 * busy machine, and a timed-out scrape reads as a target down.
 */
export const compressedTiming: PrometheusTiming = { scrapeIntervalMs: 1000, ruleFactor: ruleTimeFactor, evaluationInterval: testEvaluationInterval };

/**
 * The timing of a Prometheus whose alerts are driven by live scrapes (the live end to end):
 * production's, compressed by one factor for scrapes, evaluations and `for` alike, so every `for`
 * spans as many scrapes as in production. Measured under scripts/cpu-hog.sh with the ÷100
 * timing: every scrape (even Prometheus's own) timed out at 1s for the whole run, and
 * ApplicationDown's `for: 1m`, compressed to 600 ms, was shorter than one 1s scrape, so one slow
 * scrape paged; rules evaluated every 250 ms took the CPU the scrapes needed. Here monitoring/
 * prometheus.yml's 15s scrape and evaluation become 2.5s (factor 6): `for: 1m` → 10s still needs
 * four failed scrapes in a row, as in production, and a scrape may take 2.5s (Prometheus refuses a
 * timeout longer than the interval). The routing timers of the shared Alertmanager stay ÷100:
 * they only get relatively shorter, so a group still flushes long before the next `for` ends.
 */
export function scrapeFaithfulTiming(production: { scrapeIntervalMs: number; evaluationIntervalMs: number }, scrapeIntervalMs = 2500): PrometheusTiming {
  const ruleFactor = production.scrapeIntervalMs / scrapeIntervalMs;
  if (!Number.isInteger(ruleFactor) || ruleFactor < 1) {
    throw new Error(
      `the production scrape interval (${production.scrapeIntervalMs} ms) must be a whole multiple of the test's (${scrapeIntervalMs} ms), so that every rule's for keeps its number of scrapes`,
    );
  }
  return { scrapeIntervalMs, ruleFactor, evaluationInterval: formatDuration(production.evaluationIntervalMs / ruleFactor) };
}
