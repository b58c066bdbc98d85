import type { Workspace } from '../workspace/workspace.js';
import { posix } from 'node:path';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';

const id = 'deploy/compose-paths';

/** Where secret files live: git-ignored (monitoring/secrets/.gitignore), created by each operator. */
export const secretsDir = 'monitoring/secrets/';

type Json = Record<string, unknown>;

/** `${VAR:-default}` → default; plain text stays. Compose interpolates before resolving paths. */
export function withDefaults(text: string): string {
  return text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_, fallback: string | undefined) => fallback ?? '');
}

/**
 * The file is used as `docker-compose -f docker-compose.yml -f monitoring/docker-compose.monitoring.yml`
 * from the application's root, and compose resolves every relative path against the directory
 * of the FIRST file: the repository root here, not monitoring/. So a bind mount must name an
 * existing path from the root, secret files must sit in the git-ignored secrets directory, and
 * Prometheus must find its rule files mounted beside prometheus.yml.
 */
export function composePaths(compose: YamlFile, ruleFiles: readonly string[], exists: (path: string) => boolean): Problem[] {
  const data = (compose.data ?? {}) as { services?: Record<string, Json>; secrets?: Record<string, Json> };
  const problems: Problem[] = [];
  for (const [name, service] of Object.entries(data.services ?? {})) {
    (Array.isArray(service.volumes) ? service.volumes : []).forEach((volume, i) => {
      const source = withDefaults(typeof volume === 'string' ? volume.split(':')[0]! : String((volume as Json).source ?? ''));
      if (!source.startsWith('.')) return;
      const fromRoot = posix.normalize(source);
      if (!exists(fromRoot)) {
        const guess = exists(posix.join('monitoring', fromRoot)) ? ` (monitoring/${fromRoot} exists: paths resolve from the repository root, where the app's docker-compose.yml is)` : '';
        problems.push(
          problem({
            check: id,
            file: compose.file,
            line: compose.valueLineOf(['services', name, 'volumes', i]),
            message: `service "${name}" mounts ${source}, which does not exist from the repository root${guess}`,
            hint: 'write the path from the repository root, e.g. ./monitoring/prometheus.yml',
          }),
        );
      }
    });
  }
  for (const [name, secret] of Object.entries(data.secrets ?? {})) {
    if (typeof secret.file !== 'string') continue;
    const file = posix.normalize(withDefaults(secret.file));
    if (!file.startsWith(secretsDir)) {
      problems.push(
        problem({
          check: id,
          file: compose.file,
          line: compose.valueLineOf(['secrets', name, 'file']),
          message: `secret "${name}" is read from ${file}, outside the git-ignored ${secretsDir}`,
          hint: `keep secret files in ./${secretsDir} (or pass another path through the variable), so none is ever committed`,
        }),
      );
    }
  }
  const prometheus = data.services?.prometheus;
  if (prometheus) {
    const targets = (Array.isArray(prometheus.volumes) ? prometheus.volumes : []).map((v) => (typeof v === 'string' ? v.split(':')[1] : String((v as Json).target ?? '')));
    for (const rule of ruleFiles) {
      const inContainer = posix.join('/etc/prometheus', rule);
      if (!targets.some((t) => t === inContainer || (t && inContainer.startsWith(`${t}/`)))) {
        problems.push(
          problem({
            check: id,
            file: compose.file,
            line: compose.lineOf(['services', 'prometheus', 'volumes']),
            message: `prometheus.yml loads ${rule}, but nothing is mounted at ${inContainer}`,
            hint: `mount ./monitoring/${rule}:${inContainer}:ro`,
          }),
        );
      }
    }
  }
  return problems;
}

export const composePathsCheck: Check<Workspace> = {
  id,
  description: "compose paths resolve from the app's compose root; secrets stay in monitoring/secrets/; rule files are mounted",
  async run({ workspace }) {
    const prometheus = workspace.prometheusFile().data as { rule_files?: unknown } | null;
    const ruleFiles = Array.isArray(prometheus?.rule_files) ? prometheus.rule_files.map(String) : [];
    return composePaths(workspace.compose(), ruleFiles, (path) => workspace.exists(path));
  },
};
