/** What a stand-in gauge serves, scrape by scrape. */
export type GaugeProgram =
  | { kind: 'constant'; value: number }
  | {
      /**
       * Keeps the mean of the last `windowSamples` served values (what `avg_over_time(x[window])`
       * reads when one sample is stored per scrape) hovering around `threshold`: above it for
       * about `aboveSamples` scrapes, then below it for about `belowSamples`, over and over, with
       * every value within [min, max] (a pool's usage ratio: 0 to 1).
       */
      kind: 'hover';
      threshold: number;
      /** How far the window's sum of (value − threshold) moves per scrape. */
      step: number;
      aboveSamples: number;
      belowSamples: number;
      windowSamples: number;
      min: number;
      max: number;
    };

/**
 * A gauge whose values follow a program, one value per scrape. For `hover` it steers the sum S of
 * (value − threshold) over the window, which is above 0 exactly when the window's mean is above
 * the threshold: S walks up by `step` per scrape to +step·above/2, then down to −step·below/2,
 * and back, so the mean is above the threshold for about `aboveSamples` scrapes and below it for
 * about `belowSamples`. Each value is chosen against what leaves the window (a plain square wave
 * stalls once the window is full: serving what drops out moves nothing), clamped to [min, max].
 * The tests never trust this arithmetic: they read what the rule's expression did from Prometheus.
 */
export class HoveringGauge {
  private program: GaugeProgram | undefined;
  private readonly served: number[] = [];
  private rising = false;

  set(program: GaugeProgram): void {
    if (program.kind === 'hover') {
      const { min, threshold, max, step, aboveSamples, belowSamples, windowSamples } = program;
      if (!(min < threshold && threshold < max)) throw new Error(`hover needs min < threshold < max, got ${min}, ${threshold}, ${max}`);
      if (!(step > 0) || aboveSamples < 2 || belowSamples < 2 || windowSamples < 2) throw new Error('hover needs a positive step and at least 2 samples above, below and in the window');
      this.rising = false;
    }
    this.program = program;
  }

  /** The value of the next scrape; undefined until a program is set (the metric is not exported yet). */
  next(): number | undefined {
    const program = this.program;
    if (!program) return undefined;
    let value: number;
    if (program.kind === 'constant') value = program.value;
    else {
      const { threshold, step, aboveSamples, belowSamples, windowSamples, min, max } = program;
      const excess = (values: number[]) => values.reduce((s, v) => s + (v - threshold), 0);
      const sum = excess(this.served.slice(-windowSamples));
      const kept = excess(this.served.slice(-(windowSamples - 1)));
      const wanted = sum + (this.rising ? step : -step);
      value = Math.min(max, Math.max(min, threshold + wanted - kept));
      const after = kept + value - threshold;
      if (this.rising && after >= (step * aboveSamples) / 2) this.rising = false;
      else if (!this.rising && after <= -(step * belowSamples) / 2) this.rising = true;
    }
    this.served.push(value);
    // Only the window matters; keep a bounded history.
    if (this.served.length > 10_000) this.served.splice(0, this.served.length - 5_000);
    return value;
  }
}
