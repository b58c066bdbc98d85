/** An alert as a client (Prometheus, a test) posts it to /api/v2/alerts. */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  /** Prometheus always sends one; an alert without it resolves after resolve_timeout. */
  endsAt?: string;
  generatorURL?: string;
}

/** An alert as Alertmanager lists it, with why it is (not) being notified. */
export interface GettableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
  startsAt: string;
  endsAt: string;
  receivers: { name: string }[];
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
}

/** How long a posted alert stays firing unless resolved: longer than any test, shorter than a run's leftovers matter. */
const defaultLifetimeMs = 15 * 60_000;

/**
 * The parts of Alertmanager's HTTP API v2 (and /metrics) the harness uses. Tests post alerts
 * the way Prometheus does and read back routing, inhibition and delivery counters.
 */
export class AlertmanagerApi {
  constructor(readonly baseUrl: string) {}

  /** Posts alerts; each gets an end time (like Prometheus's) unless it has one. */
  async post(alerts: readonly PostableAlert[]): Promise<void> {
    const endsAt = new Date(Date.now() + defaultLifetimeMs).toISOString();
    const body = alerts.map((a) => ({ ...a, endsAt: a.endsAt ?? endsAt }));
    const res = await fetch(`${this.baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`Alertmanager refused the alerts (${res.status}): ${await res.text()}`);
  }

  /** Posts the same alerts as ended now: Alertmanager then sends the resolved notifications. */
  async resolve(alerts: readonly PostableAlert[]): Promise<void> {
    const now = new Date().toISOString();
    await this.post(alerts.map((a) => ({ ...a, endsAt: now })));
  }

  /** Alerts whose labels match every `name="value"` matcher given (inhibited and silenced included). */
  async alerts(matchers: readonly string[] = []): Promise<GettableAlert[]> {
    const query = new URLSearchParams(matchers.map((m): [string, string] => ['filter', m]));
    const res = await fetch(`${this.baseUrl}/api/v2/alerts?${query}`);
    if (!res.ok) throw new Error(`Alertmanager's alert list answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as GettableAlert[];
  }

  /**
   * The value of a counter or gauge from /metrics, summed over every series carrying these
   * labels (0 when none): newer Alertmanagers add labels (0.27+: `reason` on failed
   * notifications), which must not hide the count.
   */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const res = await fetch(`${this.baseUrl}/metrics`);
    if (!res.ok) throw new Error(`Alertmanager's /metrics answered ${res.status}`);
    let total = 0;
    for (const line of (await res.text()).split('\n')) {
      const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!sample || sample[1] !== name) continue;
      const found = new Map([...(sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!] as const));
      if (Object.entries(labels).every(([k, v]) => found.get(k) === v)) total += Number(sample[3]);
    }
    return total;
  }

  /** Notifications an integration (slack, pagerduty, ...) failed to send, template errors included. */
  notificationsFailed(integration: string): Promise<number> {
    return this.metric('alertmanager_notifications_failed_total', { integration });
  }
}
