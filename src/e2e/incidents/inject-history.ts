import { pushTimeseries } from 'prometheus-remote-write';
import type { InjectedSeries } from './incident.js';

type Fetch = NonNullable<Parameters<typeof pushTimeseries>[1]>['fetch'];

/**
 * Writes an incident's history into a Prometheus through its remote-write receiver, each sample
 * at `now` plus its offset: the past becomes real past (a 30-day window holds 30 days), and
 * samples in the future become visible as their time comes, which keeps a condition true for as
 * long as the test watches without anything feeding it. Labels go sorted, as Prometheus keeps them.
 */
export async function injectHistory(prometheusUrl: string, history: readonly InjectedSeries[], now = Date.now()): Promise<{ samples: number }> {
  const timeseries = history.map((series) => ({
    labels: Object.fromEntries(Object.entries(series.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as { __name__: string; [name: string]: string },
    samples: series.samples.map((s) => ({ value: s.value, timestamp: now + s.offsetMs })),
  }));
  const result = await pushTimeseries(timeseries, { url: `${prometheusUrl}/api/v1/write`, fetch: globalThis.fetch as unknown as Fetch, timeout: 30_000 });
  if (result.status < 200 || result.status > 299) {
    throw new Error(`Prometheus at ${prometheusUrl} refused the injected history (${result.status} ${result.statusText}): ${result.errorMessage ?? ''}`);
  }
  return { samples: timeseries.reduce((n, t) => n + t.samples.length, 0) };
}
