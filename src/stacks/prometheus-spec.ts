import type { EngineSpec, HttpReadyCheck } from '../engines/engine.js';

export interface PrometheusOptions {
  /** prometheus.yml content; rule_files should name files under /etc/prometheus/. */
  config: string;
  /** Extra files by name, written to /etc/prometheus/<name> (rule files, secrets). */
  files?: Record<string, string>;
  /** Extra command-line flags. */
  flags?: string[];
  name?: string;
  /**
   * Ready only once its notifier knows this many Alertmanagers. Until then Prometheus 3.5 drops
   * every alert it sends without a word (notifier/manager.go:389-420: with no Alertmanager,
   * sendAll reports success and counts nothing dropped), yet marks them sent
   * (rules/alerting.go:593-610), so the next try is a resend-delay later (the tests' is 15 s).
   * The notifier learns its Alertmanagers from the discovery manager, which passes updates on at
   * most every 5 s (discovery/manager.go:93): an alert that fired in a Prometheus's first
   * seconds reached Alertmanager 16 s late, after the warnings it should have muted.
   */
  alertmanagers?: number;
}

/**
 * A Prometheus laid out as the official image is (config in /etc/prometheus, data in
 * /prometheus). The external URL is fixed so the machine's hostname never leaks into
 * alert links, and the lifecycle API is on so a test can reload a changed config.
 */
export function prometheusSpec(options: PrometheusOptions): EngineSpec {
  const name = options.name ?? 'prometheus';
  return {
    engine: 'prometheus',
    name,
    ports: [9090],
    command: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus', '--web.enable-lifecycle', `--web.external-url=http://${name}:9090`, ...(options.flags ?? [])],
    files: [{ target: '/etc/prometheus/prometheus.yml', content: options.config }, ...Object.entries(options.files ?? {}).map(([file, content]) => ({ target: `/etc/prometheus/${file}`, content }))],
    ready: options.alertmanagers ? knowsAlertmanagers(options.alertmanagers) : { http: { port: 9090, path: '/-/ready' } },
  };
}

/** The Alertmanagers API answers once Prometheus is ready (503 before), and lists what the notifier sends to. */
function knowsAlertmanagers(count: number): { http: HttpReadyCheck } {
  return {
    http: {
      port: 9090,
      path: '/api/v1/alertmanagers',
      accepts: (body) => ((JSON.parse(body) as { data?: { activeAlertmanagers?: unknown[] } }).data?.activeAlertmanagers?.length ?? 0) >= count,
      awaiting: `its notifier to know ${count} Alertmanager${count === 1 ? '' : 's'} (/api/v1/alertmanagers)`,
    },
  };
}
