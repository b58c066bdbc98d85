import type { YamlFile, YamlPath } from '../sources/yaml-file.js';

/** A `host:port` some config expects to reach, and where it says so. */
export interface Endpoint {
  host: string;
  port: number;
  /** What names it, for messages: `scrape job "node-exporter"`. */
  what: string;
  file: string;
  line?: number;
}

type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Scrape targets and Alertmanager targets of prometheus.yml. */
export function prometheusEndpoints(prometheus: YamlFile): Endpoint[] {
  const data = (prometheus.data ?? {}) as Json;
  const endpoints: Endpoint[] = [];
  const fromStatic = (configs: unknown, base: YamlPath, what: string) =>
    list(configs).forEach((sc, j) =>
      list((sc as Json).targets).forEach((target, k) => {
        const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(String(target));
        if (match) endpoints.push({ host: match[1]!, port: Number(match[2]), what, file: prometheus.file, line: prometheus.valueLineOf([...base, j, 'targets', k]) });
      }),
    );
  list(data.scrape_configs).forEach((job, i) => fromStatic((job as Json).static_configs, ['scrape_configs', i, 'static_configs'], `scrape job "${String((job as Json).job_name)}"`));
  list((data.alerting as Json | undefined)?.alertmanagers).forEach((am, i) => fromStatic((am as Json).static_configs, ['alerting', 'alertmanagers', i, 'static_configs'], 'alerting'));
  return endpoints;
}

/** URLs of Grafana provisioning files: data sources and contact points. */
export function grafanaEndpoints(file: YamlFile): Endpoint[] {
  const data = (file.data ?? {}) as Json;
  const endpoints: Endpoint[] = [];
  const add = (url: unknown, path: YamlPath, what: string) => {
    if (typeof url !== 'string') return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    endpoints.push({ host: parsed.hostname, port, what, file: file.file, line: file.valueLineOf(path) });
  };
  list(data.datasources).forEach((ds, i) => add((ds as Json).url, ['datasources', i, 'url'], `data source "${String((ds as Json).name)}"`));
  list(data.contactPoints).forEach((cp, i) =>
    list((cp as Json).receivers).forEach((r, j) =>
      add(((r as Json).settings as Json | undefined)?.url, ['contactPoints', i, 'receivers', j, 'settings', 'url'], `contact point "${String((cp as Json).name)}"`),
    ),
  );
  return endpoints;
}
