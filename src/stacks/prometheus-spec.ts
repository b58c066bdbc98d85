import type { EngineSpec } from '../engines/engine.js';

export interface PrometheusOptions {
  /** prometheus.yml content; rule_files should name files under /etc/prometheus/. */
  config: string;
  /** Extra files by name, written to /etc/prometheus/<name> (rule files, secrets). */
  files?: Record<string, string>;
  /** Extra command-line flags. */
  flags?: string[];
  name?: string;
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
    command: [
      '--config.file=/etc/prometheus/prometheus.yml',
      '--storage.tsdb.path=/prometheus',
      '--web.enable-lifecycle',
      `--web.external-url=http://${name}:9090`,
      ...(options.flags ?? []),
    ],
    files: [
      { target: '/etc/prometheus/prometheus.yml', content: options.config },
      ...Object.entries(options.files ?? {}).map(([file, content]) => ({ target: `/etc/prometheus/${file}`, content })),
    ],
    ready: { http: { port: 9090, path: '/-/ready' } },
  };
}
