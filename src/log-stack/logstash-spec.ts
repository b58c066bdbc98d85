import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { EngineSpec } from '../engines/engine.js';
import { repoPath } from '../sources/repo-files.js';
import { logstashMounts } from '../logstash/container-paths.js';

/** The file under /var/log the tests append to (the file input watches /var/log). */
export const harnessLogFile = '/var/log/timetable/harness.log';

/**
 * Logstash with the canonical files of monitoring/ placed where compose and k8s mount them
 * (src/logstash/container-paths.ts): pipeline, logstash.yml, pipelines.yml, log4j2, ruby
 * scripts, index template. The Elasticsearch address comes in through ELASTICSEARCH_HOSTS,
 * the variable the pipeline reads, and the debug output is on so that Logstash's own log
 * shows every event as indexed (the redaction test reads that log too).
 */
export function logstashSpec(options: { name: string; elasticsearchUrl: string }): EngineSpec {
  return {
    engine: 'logstash',
    name: options.name,
    ports: [5000, '5140/tcp', '5140/udp', 9600],
    env: {
      ELASTICSEARCH_HOSTS: options.elasticsearchUrl,
      // The outputs read it (logstash.conf); the test Elasticsearch runs without security.
      ELASTICSEARCH_PASSWORD: '',
      LOGSTASH_DEBUG_STDOUT: 'true',
      LS_JAVA_OPTS: '-Xms1g -Xmx1g',
    },
    files: [
      ...canonicalFiles(),
      // World-writable so that `docker exec` as the image's user can append to it.
      { target: harnessLogFile, content: '', mode: 0o666 },
    ],
    memoryGiB: 2,
    // Printed once every pipeline has started (inputs listening, outputs registered).
    ready: { log: /Pipelines running \{:count=>1, :running_pipelines=>\[:"?timetable-logs"?\]/ },
    startupTimeoutMs: 240_000,
  };
}

function canonicalFiles(): { target: string; content: string }[] {
  return logstashMounts.flatMap((mount) => {
    const abs = repoPath(mount.repo);
    const names = statSync(abs).isDirectory() ? readdirSync(abs).map((n) => `/${n}`) : [''];
    return names.map((n) => ({ target: `${mount.container}${n}`, content: readFileSync(`${abs}${n}`, 'utf8') }));
  });
}
