/** A stretch of time over which an alert's expression held (returned a result) or did not. */
export interface ConditionRun {
  holds: boolean;
  /** Seconds since the epoch: the first and last evaluation step of the run. */
  fromS: number;
  toS: number;
  /** Evaluation steps in the run; the run lasted at most (steps + 1) × step (its neighbours' steps had the other value). */
  steps: number;
}

/**
 * What an alert's expression did over [fromMs, toMs], evaluated by Prometheus at every `stepMs`
 * (query_range: the expression is true at a step where it returns a sample): the runs of
 * "holds" and "does not hold", in order. The tests measure the signal this way instead of
 * trusting the stand-in that produced it.
 */
export async function conditionRuns(prometheusUrl: string, expr: string, range: { fromMs: number; toMs: number; stepMs: number }): Promise<ConditionRun[]> {
  const query = new URLSearchParams({ query: expr, start: String(range.fromMs / 1000), end: String(range.toMs / 1000), step: String(range.stepMs / 1000) });
  const res = await fetch(`${prometheusUrl}/api/v1/query_range?${query}`, { signal: AbortSignal.timeout(60_000) });
  const body = (await res.json()) as { status: string; error?: string; data?: { result: { values: [number, string][] }[] } };
  if (body.status !== 'success' || !body.data) throw new Error(`Prometheus query_range of ${expr}: ${body.error ?? res.status}`);
  const holding = new Set(body.data.result.flatMap((series) => series.values.map(([t]) => Math.round(t * 1000))));
  const runs: ConditionRun[] = [];
  for (let t = range.fromMs; t <= range.toMs; t += range.stepMs) {
    const holds = holding.has(Math.round(t));
    const last = runs.at(-1);
    if (last && last.holds === holds) {
      last.toS = t / 1000;
      last.steps++;
    } else runs.push({ holds, fromS: t / 1000, toS: t / 1000, steps: 1 });
  }
  return runs;
}

/** `+12.5s held 30 steps` lines, for failure messages. */
export function renderRuns(runs: ConditionRun[], originS: number, stepS: number): string {
  return runs.map((r) => `  +${(r.fromS - originS).toFixed(1).padStart(6)}s  ${r.holds ? 'holds   ' : 'released'} ${r.steps} steps (≤ ${((r.steps + 1) * stepS).toFixed(1)}s)`).join('\n');
}
