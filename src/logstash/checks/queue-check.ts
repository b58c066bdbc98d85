import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { YamlFile } from '../../sources/yaml-file.js';

const id = 'logstash/raw-events-on-disk';
export const settingsFile = 'monitoring/logstash/config/logstash.yml';
export const pipelinesFile = 'monitoring/logstash/config/pipelines.yml';

/**
 * Decision for audit 2.2: the memory queue. The persisted queue sits between the inputs and
 * the filters, so its pages hold events BEFORE redaction (passwords, tokens, cards), and a
 * fully acknowledged head page is purged only when it fills (queue.page_capacity, 64 MiB:
 * logstash-core v8.17.4 Queue.java:427-447): days of raw logs on the volume at our traffic.
 * What the memory queue costs instead: the events in flight (one batch per worker) are lost
 * when Logstash is killed; inputs get backpressure when outputs stall (TCP senders wait, UDP
 * datagrams are dropped, as with a full persisted queue). The dead letter queue stays: it
 * holds events the outputs had, after redaction.
 */
export function queueProblems(settings: YamlFile, pipelines: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const persisted = (file: YamlFile, value: unknown, path: (string | number)[]) => {
    if (value === 'persisted') {
      problems.push(
        problem({
          check: id,
          file: file.file,
          line: file.lineOf(path),
          message: 'queue.type: persisted keeps raw events, before redaction, on disk (secrets included) until a 64 MiB page fills',
          hint: 'use queue.type: memory (the reason is in src/logstash/checks/queue-check.ts and the README), or redact at the input',
        }),
      );
    }
  };
  const s = (settings.data ?? {}) as Record<string, unknown>;
  persisted(settings, s['queue.type'] ?? (s.queue as Record<string, unknown> | undefined)?.type, s['queue.type'] !== undefined ? ['queue.type'] : ['queue', 'type']);
  (Array.isArray(pipelines.data) ? (pipelines.data as Record<string, unknown>[]) : []).forEach((p, i) => persisted(pipelines, p['queue.type'], [i, 'queue.type']));
  return problems;
}

export const logstashRawEventsOnDiskCheck: Check<Workspace> = {
  id,
  description: 'no queue keeps unredacted events on disk (logstash.yml, pipelines.yml)',
  run: async ({ workspace }) => queueProblems(workspace.yaml(settingsFile), workspace.yaml(pipelinesFile, 'the Logstash pipeline list')),
};
