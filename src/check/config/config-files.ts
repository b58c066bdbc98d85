import { join } from 'node:path';
import { ConfigError } from '../../sources/config-error.js';
import { parseJsonFile } from '../../sources/json-file.js';
import type { SourceFiles } from '../../sources/source-files.js';
import { configErrorProblem, type Problem } from '../problem.js';

/** The canonical files of the stack: each later check assumes they exist. */
export const canonicalFiles: readonly { path: string; what: string }[] = [
  { path: 'monitoring/prometheus.yml', what: 'the Prometheus config' },
  { path: 'monitoring/alert_rules.yml', what: 'the alert rules' },
  { path: 'monitoring/recording_rules.yml', what: 'the recording rules' },
  { path: 'monitoring/alertmanager.yml', what: 'the Alertmanager config' },
  { path: 'monitoring/logstash/pipeline/logstash.conf', what: 'the Logstash pipeline' },
  { path: 'monitoring/docker-compose.monitoring.yml', what: 'the monitoring compose file' },
  { path: 'monitoring/metrics-contract.yml', what: 'the metrics contract' },
  { path: 'k8s/monitoring.yaml', what: 'the Prometheus Kubernetes manifests' },
  { path: 'k8s/grafana-alertmanager.yaml', what: 'the Grafana and Alertmanager Kubernetes manifests' },
];

/** Every YAML and JSON file under the given folders, repo-relative, sorted. */
export function configFilesUnder(files: SourceFiles, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of files.list(rel)) {
      const child = join(rel, entry);
      if (files.isDirectory(child)) walk(child);
      else if (/\.(ya?ml|json)$/.test(entry)) found.push(child);
    }
  };
  folders.forEach(walk);
  return found.sort();
}

/** Parses one file with the position-keeping parser for its kind; a problem per failure. */
export function parseProblems(files: SourceFiles, file: string, check: string): Problem[] {
  try {
    if (file.endsWith('.json')) parseJsonFile(file, files.text(file));
    else files.yaml(file);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [configErrorProblem(error, check)];
    throw error;
  }
}
