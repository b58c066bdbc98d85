import { basename, dirname, posix } from 'node:path';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import type { K8sObject } from './k8s-manifests.js';

/**
 * The annotation that ties a ConfigMap to the repository files it carries: a comma-separated
 * list of repo paths, where the last segment may hold `*` (e.g. `monitoring/grafana/dashboards/*.json`).
 * Each file becomes the data key of its base name, with its exact content.
 */
export const sourcesAnnotation = 'timetable.school/sources';

/** Every file under monitoring/ that the Kubernetes manifests must carry in some ConfigMap. */
export const filesK8sMustCarry: readonly string[] = [
  'monitoring/prometheus.yml',
  'monitoring/alert_rules.yml',
  'monitoring/recording_rules.yml',
  'monitoring/alertmanager.yml',
  'monitoring/alertmanager/templates/*.tmpl',
  'monitoring/grafana/provisioning/datasources/*.yaml',
  'monitoring/grafana/provisioning/dashboards/*.yaml',
  'monitoring/grafana/provisioning/alerting/*.yaml',
  'monitoring/grafana/dashboards/*.json',
  'monitoring/logstash/pipeline/*.conf',
  'monitoring/logstash/config/*',
  'monitoring/logstash/scripts/*',
  'monitoring/elasticsearch/index-template.json',
];

export interface SourceFile {
  /** The ConfigMap data key: the file's base name. */
  key: string;
  /** Repo-relative path. */
  path: string;
}

/** The patterns of a ConfigMap's annotation, or undefined when it has none. */
export function sourcePatterns(configMap: K8sObject): string[] | undefined {
  const annotations = (configMap.data.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  const value = annotations?.[sourcesAnnotation];
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The files a pattern names, sorted. A plain path names itself (even when missing, so the
 * drift check can say so); a `*` in the last segment matches the files of that directory.
 */
export function expandPattern(pattern: string, files = new SourceFiles(repoRoot)): SourceFile[] {
  const name = basename(pattern);
  if (!name.includes('*')) return [{ key: name, path: pattern }];
  const dir = dirname(pattern);
  if (dir.includes('*')) throw new Error(`"${pattern}": only the last path segment may hold "*"`);
  if (!files.exists(dir)) return [];
  const matcher = new RegExp(`^${name.split('*').map(escapeRegExp).join('[^/]*')}$`);
  return files
    .list(dir)
    .filter((f) => matcher.test(f))
    .map((f) => ({ key: f, path: posix.join(dir, f) }));
}

/** The content of a source file, or undefined when it does not exist. */
export function readSource(path: string, files = new SourceFiles(repoRoot)): string | undefined {
  return files.exists(path) ? files.text(path) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
