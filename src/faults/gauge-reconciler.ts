import { PrometheusApi } from '../e2e/prometheus-api.js';
import type { HoveringGauge } from './hovering-gauge.js';

/** The series the flapping stand-in exports beside its pool: the serial of the value served (hovering-gauge.ts). */
export const gaugeSerialMetric = 'harness_gauge_serial';

/**
 * Tells a HoveringGauge, once per scrape interval, which of its values Prometheus stored and at
 * what time: the raw samples of the serial series over the last 10 minutes (longer than any
 * window the gauge steers). A failed or slow query changes nothing; the next one catches up.
 * Its pace decides nothing a test asserts: the tests read the rule's expression from Prometheus.
 * It stops on `stop()` or after `lifetimeMs`, whichever comes first: a stack left up by a
 * crashed run does not poll Prometheus forever.
 */
export function startGaugeReconciler(gauge: HoveringGauge, prometheusUrl: string, intervalMs: number, lifetimeMs: number): { stop(): Promise<void>; finished: Promise<void> } {
  const prometheus = new PrometheusApi(prometheusUrl);
  const until = Date.now() + lifetimeMs;
  // Each round takes at least intervalMs, so this count is never the binding limit before the clock.
  const maxRounds = Math.ceil(lifetimeMs / intervalMs) + 1;
  let stopped = false;
  const loop = (async () => {
    for (let round = 0; round < maxRounds && !stopped && Date.now() < until; round++) {
      try {
        const series = await prometheus.rawSamples(gaugeSerialMetric, '10m', Math.max(10_000, 4 * intervalMs));
        gauge.reconcile(series.flatMap((s) => s.values.map(([t, v]) => ({ seq: Number(v), atMs: Math.round(t * 1000) }))));
      } catch {
        // Prometheus busy or restarting: the gauge keeps its assumptions until the next answer.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    finished: loop,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
