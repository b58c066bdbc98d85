/** The parts of Prometheus's HTTP API the harness reads. */
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  activeAt: string;
  value: string;
}

export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface MatrixSeries {
  metric: Record<string, string>;
  /** [seconds, value] per step where the series has a sample. */
  values: [number, string][];
}

export class PrometheusApi {
  constructor(readonly baseUrl: string) {}

  /** `timeoutMs` bounds a read whose caller would rather skip an answer than wait for it. */
  private async get<T>(path: string, timeoutMs?: number): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error ?? res.status}`);
    return body.data;
  }

  /** Active alerts (pending and firing), as Prometheus itself sees them. */
  async alerts(): Promise<PrometheusAlert[]> {
    return (await this.get<{ alerts: PrometheusAlert[] }>('/api/v1/alerts')).alerts;
  }

  async query(expr: string): Promise<VectorSample[]> {
    const data = await this.get<{ resultType: string; result: VectorSample[] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
    return data.result;
  }

  /** The raw samples Prometheus stored for `selector` over the last `window` (e.g. `10m`), each at its scrape time. */
  async rawSamples(selector: string, window: string, timeoutMs?: number): Promise<MatrixSeries[]> {
    const data = await this.get<{ resultType: string; result: MatrixSeries[] }>(`/api/v1/query?query=${encodeURIComponent(`${selector}[${window}]`)}`, timeoutMs);
    if (data.resultType !== 'matrix') throw new Error(`Prometheus answered ${selector}[${window}] with a ${data.resultType}, not a matrix`);
    return data.result;
  }

  /** `expr` at every step from `startMs` to `endMs` (epoch ms), as a matrix. */
  async queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<MatrixSeries[]> {
    const params = `query=${encodeURIComponent(expr)}&start=${startMs / 1000}&end=${endMs / 1000}&step=${stepMs / 1000}`;
    const data = await this.get<{ resultType: string; result: MatrixSeries[] }>(`/api/v1/query_range?${params}`);
    return data.result;
  }

  async targets(): Promise<{ labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }[]> {
    return (await this.get<{ activeTargets: { labels: Record<string, string>; health: string; lastError: string; scrapeUrl: string }[] }>('/api/v1/targets')).activeTargets;
  }

  async ruleGroups(): Promise<{ name: string; file: string; rules: { name: string; type: string; health: string; lastError?: string }[] }[]> {
    return (await this.get<{ groups: { name: string; file: string; rules: { name: string; type: string; health: string; lastError?: string }[] }[] }>('/api/v1/rules')).groups;
  }
}
