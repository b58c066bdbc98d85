import { posix } from 'node:path';

/**
 * Where each repository file lives inside the Logstash container. The pipeline names
 * container paths (the ruby script, the index template); the test stack copies these
 * files there, and compose / k8s must mount them at the same places.
 */
export const logstashMounts: readonly { container: string; repo: string; what: string }[] = [
  { container: '/usr/share/logstash/pipeline', repo: 'monitoring/logstash/pipeline', what: 'the pipeline configs (*.conf)' },
  { container: '/usr/share/logstash/config/logstash.yml', repo: 'monitoring/logstash/config/logstash.yml', what: 'Logstash settings' },
  { container: '/usr/share/logstash/config/pipelines.yml', repo: 'monitoring/logstash/config/pipelines.yml', what: 'the pipeline list' },
  { container: '/usr/share/logstash/config/log4j2.properties', repo: 'monitoring/logstash/config/log4j2.properties', what: "Logstash's own logging" },
  { container: '/usr/share/logstash/scripts', repo: 'monitoring/logstash/scripts', what: 'ruby filter scripts' },
  { container: '/usr/share/logstash/templates/index-template.json', repo: 'monitoring/elasticsearch/index-template.json', what: 'the Elasticsearch index template' },
];

/** The repository path of a container path, when some mount provides it. */
export function repoPathOf(containerPath: string): string | undefined {
  const normalized = posix.normalize(containerPath);
  for (const mount of logstashMounts) {
    if (normalized === mount.container) return mount.repo;
    if (normalized.startsWith(`${mount.container}/`)) return `${mount.repo}${normalized.slice(mount.container.length)}`;
  }
  return undefined;
}
