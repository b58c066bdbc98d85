import type { Workspace } from '../workspace/workspace.js';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';

const id = 'deploy/compose-policy';

type Json = Record<string, unknown>;

/** Prometheus flags the stack depends on: issue 5 fixes both. */
export const requiredPrometheusFlags: readonly string[] = ['--storage.tsdb.retention.time=30d', '--web.enable-lifecycle'];

/**
 * What every service of the stack must have: a health check, a restart policy and resource
 * limits; named volumes must be declared; Prometheus keeps 30 days and has the lifecycle API.
 */
export function composePolicy(compose: YamlFile): Problem[] {
  const data = (compose.data ?? {}) as { services?: Record<string, Json>; volumes?: Json };
  const problems: Problem[] = [];
  const declaredVolumes = new Set(Object.keys(data.volumes ?? {}));
  for (const [name, service] of Object.entries(data.services ?? {})) {
    const at = (path: (string | number)[]) => ({ check: id, file: compose.file, line: compose.lineOf(['services', name, ...path]) });
    const healthcheck = service.healthcheck as Json | undefined;
    if (!healthcheck?.test || healthcheck.disable === true) {
      problems.push(
        problem({
          ...at([]),
          message: `service "${name}" has no health check`,
          hint: 'add healthcheck.test that asks the service itself (e.g. wget -q --spider http://localhost:<port>/<health path>)',
        }),
      );
    }
    if (!service.restart || service.restart === 'no') {
      problems.push(problem({ ...at([]), message: `service "${name}" has no restart policy`, hint: 'add restart: unless-stopped' }));
    }
    const limits = ((service.deploy as Json | undefined)?.resources as Json | undefined)?.limits as Json | undefined;
    for (const resource of ['cpus', 'memory']) {
      if (limits?.[resource] === undefined)
        problems.push(problem({ ...at(['deploy']), message: `service "${name}" has no ${resource} limit`, hint: `add deploy.resources.limits.${resource} (see the spec's resource table)` }));
    }
    (Array.isArray(service.volumes) ? service.volumes : []).forEach((volume, i) => {
      const source = typeof volume === 'string' ? volume.split(':')[0]! : String((volume as Json).source ?? '');
      const isNamed = source !== '' && !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('~') && !source.startsWith('$');
      if (isNamed && !declaredVolumes.has(source)) {
        problems.push(
          problem({ ...at(['volumes', i]), message: `service "${name}" mounts the volume "${source}", which the top-level volumes do not declare`, hint: `declare it under volumes: (${source}:)` }),
        );
      }
    });
  }
  const prometheus = data.services?.prometheus;
  if (prometheus) {
    const command = Array.isArray(prometheus.command) ? prometheus.command.map(String) : String(prometheus.command ?? '').split(/\s+/);
    for (const flag of requiredPrometheusFlags) {
      if (!command.includes(flag))
        problems.push(
          problem({ check: id, file: compose.file, line: compose.lineOf(['services', 'prometheus', 'command']), message: `Prometheus runs without ${flag}`, hint: `add ${flag} to its command` }),
        );
    }
  }
  return problems;
}

export const composePolicyCheck: Check<Workspace> = {
  id,
  description: 'every compose service has a health check, restart policy and limits; Prometheus keeps 30d with the lifecycle API',
  run: async ({ workspace }) => composePolicy(workspace.compose()),
};
