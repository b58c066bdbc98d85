/**
 * The thresholds issue 3 fixes (from the spec's table and its "other thresholds"). Names,
 * comparison, value and `for` must be kept exactly; `alerts/thresholds` compares the rules
 * with this table. `factor` marks a threshold that multiplies a baseline (`x < 0.5 * base`).
 */
export interface IssueThreshold {
  alert: string;
  op: '>' | '<' | '==';
  value: number;
  /** undefined: the issue names no duration. */
  for?: string;
  factor?: boolean;
  /** The issue's words, for messages. */
  meaning: string;
}

export const issueThresholds: readonly IssueThreshold[] = [
  { alert: 'HighErrorRate', op: '>', value: 0.05, for: '5m', meaning: '5xx responses > 5% of requests' },
  { alert: 'ErrorBudgetExhausted', op: '>', value: 0.01, for: '10m', meaning: 'errors over 30 days > the 1% budget of the 99% SLO' },
  { alert: 'ApplicationDown', op: '==', value: 0, for: '1m', meaning: 'the app does not answer scrapes (up == 0)' },
  { alert: 'DatabaseDown', op: '==', value: 0, for: '1m', meaning: 'the database does not answer (mysql_up == 0)' },
  { alert: 'HighLatency', op: '>', value: 1, for: '5m', meaning: 'P95 request latency > 1s' },
  { alert: 'HighCPUUsage', op: '>', value: 0.8, for: '10m', meaning: 'CPU > 80%' },
  { alert: 'HighMemoryUsage', op: '>', value: 0.85, for: '10m', meaning: 'memory used > 85%' },
  { alert: 'DiskSpaceLow', op: '<', value: 0.1, for: '5m', meaning: 'free disk < 10%' },
  { alert: 'PoolExhausted', op: '>', value: 0.8, for: '5m', meaning: 'DB connection pool > 80% used' },
  { alert: 'SlowQueries', op: '>', value: 1, for: '5m', meaning: 'slow queries > 1 per second' },
  { alert: 'TrafficDrop', op: '<', value: 0.5, for: '10m', factor: true, meaning: 'request rate < 50% of its baseline' },
  { alert: 'HealthCheckFail', op: '>', value: 1, for: '2m', meaning: 'repeated failed health checks (more than one a minute)' },
  { alert: 'ElevatedErrorRate', op: '>', value: 0.005, meaning: 'a warning when the error rate is above 0.5%' },
  { alert: 'HighLatencyP99', op: '>', value: 2, meaning: 'P99 latency above 2s' },
];
