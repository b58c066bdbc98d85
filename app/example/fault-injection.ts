import type { PoolMetrics } from '../metrics/pool-metrics.js';

/**
 * The example server's fault switches: what integration tests flip to make alerts fire.
 * Failures are spread deterministically (a ratio of 0.1 fails exactly every 10th API
 * request), so a test that sends N requests knows how many 5xx Prometheus will see.
 */
export interface FaultState {
  errorRatio: number;
  latencyMs: number;
  healthFailing: boolean;
  /** A fixed pool reading, or undefined to report the real number of requests in flight. */
  pool: { active: number; max: number } | undefined;
}

/** The pool size the example reports when no fault overrides it. */
export const examplePoolMax = 10;

export class FaultInjection {
  private state: FaultState = { errorRatio: 0, latencyMs: 0, healthFailing: false, pool: undefined };
  private owed = 0;
  private inFlight = 0;

  /** `realPool`: the database pool's own reading (mysql-store.ts); without one, requests in flight stand in for it. */
  constructor(
    private readonly pool: PoolMetrics,
    private readonly realPool?: () => { active: number; max: number },
  ) {
    this.publishPool();
  }

  get current(): Readonly<FaultState> {
    return this.state;
  }

  set(change: Partial<FaultState>): void {
    if (change.errorRatio !== undefined && change.errorRatio !== this.state.errorRatio) this.owed = 0;
    if (change.pool) this.pool.set(change.pool); // throws on active > max before we adopt it
    this.state = { ...this.state, ...change };
    this.publishPool();
  }

  reset(): void {
    this.set({ errorRatio: 0, latencyMs: 0, healthFailing: false, pool: undefined });
  }

  /** Whether the next API request must fail: accumulates the ratio and fails when it reaches 1. */
  nextRequestFails(): boolean {
    this.owed += this.state.errorRatio;
    if (this.owed < 1 - 1e-9) return false;
    this.owed -= 1;
    return true;
  }

  /** Runs an API request with the configured latency, counting it as a checked-out connection. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.publishPool();
    try {
      if (this.state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.state.latencyMs));
      return await work();
    } finally {
      this.inFlight--;
      this.publishPool();
    }
  }

  /** The pool gauges: the fault's fixed reading, else the real pool at each scrape, else requests in flight. */
  private publishPool(): void {
    if (this.state.pool) this.pool.set(this.state.pool);
    else if (this.realPool) this.pool.readFrom(this.realPool);
    else this.pool.set({ active: Math.min(this.inFlight, examplePoolMax), max: examplePoolMax });
  }
}
