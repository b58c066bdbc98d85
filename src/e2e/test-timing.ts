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

/**
 * Scrapes every second, not every 150 ms: a target that stops answering is seen within a second,
 * well inside ApplicationDown's scaled `for` (600 ms + a scrape), while node_exporter and
 * mysqld_exporter are not asked to collect seven times a second. The timeout equals the interval
 * (Prometheus refuses a longer one); the canonical 10s scaled would be 100 ms, too short for an
 * exporter on a busy machine, and a timed-out scrape reads as a target down.
 */
export const testScrapeInterval = '1s';
export const testScrapeTimeout = '1s';

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
export const testResendDelayMs = Math.max(60_000 / ruleTimeFactor, 15_000);
