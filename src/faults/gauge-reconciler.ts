import type { HoveringGauge } from './hovering-gauge.js';

/** The series the flapping stand-in exports beside its pool: the serial of the value served (hovering-gauge.ts). */
export const gaugeSerialMetric = 'harness_gauge_serial';

/**
 * Tells a HoveringGauge, once per scrape interval, which of its values Prometheus stored and at
 * what time: the raw samples of the serial series over the last 10 minutes (longer than any
 * window the gauge steers). A failed or slow query changes nothing; the next one catches up.
 * Its pace decides nothing a test asserts: the tests read the rule's expression from Prometheus.
 */
export function startGaugeReconciler(gauge: HoveringGauge, prometheusUrl: string, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  const query = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(`${gaugeSerialMetric}[10m]`)}`;
  const loop = (async () => {
    while (!stopped) {
      try {
        const res = await fetch(query, { signal: AbortSignal.timeout(Math.max(10_000, 4 * intervalMs)) });
        const body = (await res.json()) as { status: string; data?: { resultType: string; result: { values: [number, string][] }[] } };
        if (body.status === 'success' && body.data?.resultType === 'matrix') {
          gauge.reconcile(body.data.result.flatMap((s) => s.values.map(([t, v]) => ({ seq: Number(v), atMs: Math.round(t * 1000) }))));
        }
      } catch {
        // Prometheus busy or restarting: the gauge keeps its assumptions until the next answer.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
