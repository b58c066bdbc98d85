/** What a stand-in gauge serves, scrape by scrape. */
export type GaugeProgram =
  | { kind: 'constant'; value: number }
  | {
      /**
       * Keeps the mean of the samples Prometheus stored in the last `windowMs` (what
       * `avg_over_time(x[window])` reads) above `threshold` by `aboveBy` for `aboveMs`, then below
       * it by `belowBy` for `belowMs`, over and over from the moment the program is set, with every
       * value within [min, max] and a whole multiple of `quantum` (what the exposition can carry
       * exactly: a pool's usage is connections ÷ pool size).
       */
      kind: 'hover';
      threshold: number;
      aboveBy: number;
      belowBy: number;
      aboveMs: number;
      belowMs: number;
      windowMs: number;
      /** The scrape interval: a value served now is still the newest when the next one comes. */
      intervalMs: number;
      min: number;
      max: number;
      quantum: number;
    };

/** One value served: its serial number, the time it is believed stored at, and the value. */
interface Served {
  seq: number;
  atMs: number;
  value: number;
}

/**
 * A gauge whose values follow a program. For `hover` it steers S, the sum of (value − threshold)
 * over the samples in the window, which is above 0 exactly when the window's mean is above the
 * threshold, towards a target set by the clock alone: +aboveBy per sample during the above phase,
 * −belowBy per sample during the below phase. Each value is chosen against the samples still in
 * the window at the next scrape; on a plateau that is the value leaving the window (always within
 * [min, max]), so only the switches are bounded by how fast the values may move.
 *
 * Steering by the clock and by what Prometheus stored, not by the count of values served, keeps
 * the crossings where the program puts them on a starved machine: a scrape that times out after
 * the value was served stores nothing, and late scrapes spread the window's samples. `reconcile`
 * tells the gauge which serials Prometheus stored and at what time (the stand-in exports the
 * serial beside the value), so a lost value stops counting and a stored one counts at
 * Prometheus's timestamp; values served since the last reconcile are assumed stored. Those can
 * still be lost, and a dip then comes out shallow or split (hovering-gauge.test.ts simulates it):
 * the flapping test therefore hovers until Prometheus shows the flaps it needs, within a bound.
 * The tests still never trust this arithmetic: they read what the rule's expression did from Prometheus.
 */
export class HoveringGauge {
  private program: GaugeProgram | undefined;
  private startMs = 0;
  private seq = 0;
  private samples: Served[] = [];

  set(program: GaugeProgram, nowMs = Date.now()): void {
    if (program.kind === 'hover') {
      const { min, threshold, max, aboveBy, belowBy, aboveMs, belowMs, windowMs, intervalMs, quantum } = program;
      if (!(min < threshold && threshold < max)) throw new Error(`hover needs min < threshold < max, got ${min}, ${threshold}, ${max}`);
      if (!(aboveBy > 0 && belowBy > 0 && quantum > 0)) throw new Error('hover needs positive aboveBy, belowBy and quantum');
      if (!(intervalMs > 0 && aboveMs >= 2 * intervalMs && belowMs >= 2 * intervalMs && windowMs >= 2 * intervalMs)) {
        throw new Error('hover needs a positive intervalMs and at least two intervals above, below and in the window');
      }
    }
    this.program = program;
    this.startMs = nowMs;
  }

  /** The value of the scrape being answered at `nowMs` and its serial; undefined until a program is set (the metric is not exported yet). */
  next(nowMs = Date.now()): { seq: number; value: number } | undefined {
    const program = this.program;
    if (!program) return undefined;
    let value: number;
    if (program.kind === 'constant') value = program.value;
    else {
      const { threshold, windowMs, intervalMs, min, max, quantum } = program;
      // The samples still in the window when the next value comes, and where S should be then.
      const kept = this.samples.filter((s) => s.atMs > nowMs + intervalMs - windowMs);
      const target = (kept.length + 1) * this.offset(program, nowMs + intervalMs);
      const wanted = threshold + target - kept.reduce((sum, s) => sum + (s.value - threshold), 0);
      value = Math.round(Math.min(max, Math.max(min, wanted)) / quantum) * quantum;
    }
    const served = { seq: ++this.seq, atMs: nowMs, value };
    this.samples.push(served);
    // Only the window matters (and a margin for late reconciles): keep a bounded history.
    const horizonMs = program.kind === 'hover' ? program.windowMs * 2 : 600_000;
    this.samples = this.samples.filter((s) => s.atMs > nowMs - horizonMs);
    return { seq: served.seq, value };
  }

  /**
   * What Prometheus stored: the serials it holds and their timestamps, complete up to the highest
   * serial listed (a serial below it that is missing was served to a scrape that failed). Serials
   * above it are not known yet, and stay assumed stored at the time they were served.
   */
  reconcile(stored: { seq: number; atMs: number }[]): void {
    if (!stored.length) return;
    const at = new Map(stored.map((s) => [s.seq, s.atMs]));
    const through = Math.max(...stored.map((s) => s.seq));
    const oldest = Math.min(...stored.map((s) => s.seq));
    this.samples = this.samples.flatMap((s) => {
      if (s.seq > through || s.seq < oldest) return [s];
      const atMs = at.get(s.seq);
      return atMs === undefined ? [] : [{ ...s, atMs }];
    });
  }

  /** The program's target for the window's mean minus the threshold, at `atMs`: the clock's phase. */
  private offset(program: Extract<GaugeProgram, { kind: 'hover' }>, atMs: number): number {
    const phase = (atMs - this.startMs) % (program.aboveMs + program.belowMs);
    return phase < program.aboveMs ? program.aboveBy : -program.belowBy;
  }
}
