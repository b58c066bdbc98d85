import type { Workspace } from '../workspace/workspace.js';
import { posix } from 'node:path';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { containersOf, k8sObjects } from './k8s-manifests.js';

const id = 'deploy/secret-files';
export const alertmanagerFile = 'monitoring/alertmanager.yml';

type Json = Record<string, unknown>;

/**
 * Every file alertmanager.yml reads at run time, with its line: the `*_file` secrets
 * (api_url_file, routing_key_file, ...) and the `templates` globs (as the directory they list).
 */
export function filesAlertmanagerReads(config: YamlFile): { path: string; key: string; line?: number }[] {
  const found: { path: string; key: string; line?: number }[] = [];
  const templates = (config.data as { templates?: unknown } | null)?.templates;
  if (Array.isArray(templates)) {
    templates.forEach((glob, i) => {
      if (typeof glob === 'string') found.push({ path: glob.includes('*') ? posix.dirname(glob) : glob, key: 'templates', line: config.lineOf(['templates', i]) });
    });
  }
  const walk = (node: unknown, at: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Json)) {
        if (key === 'templates' && at.length === 0) continue;
        if (key.endsWith('_file') && typeof value === 'string') found.push({ path: value, key, line: config.lineOf([...at, key]) });
        else walk(value, [...at, key]);
      }
    }
  };
  walk(config.data, []);
  return found;
}

const covers = (mounts: readonly string[], path: string) => mounts.some((m) => m === path || path.startsWith(`${m.replace(/\/$/, '')}/`));

/**
 * The files alertmanager.yml reads (secrets, templates) must exist in the Alertmanager container,
 * in compose (a secret or volume mounted there) and in Kubernetes (a volume mount covering it).
 * Otherwise Alertmanager starts, and fails at its first notification.
 */
export function secretFilesMounted(config: YamlFile, compose: YamlFile, manifests: readonly YamlFile[]): Problem[] {
  const problems: Problem[] = [];
  const service = ((compose.data ?? {}) as { services?: Record<string, Json> }).services?.alertmanager ?? {};
  const composeMounts = [
    ...(Array.isArray(service.secrets) ? service.secrets : [])
      .map((s) => (typeof s === 'string' ? `/run/secrets/${s}` : String((s as Json).target ?? `/run/secrets/${String((s as Json).source)}`)))
      .map((t) => (t.startsWith('/') ? t : `/run/secrets/${t}`)),
    ...(Array.isArray(service.volumes) ? service.volumes : []).map((v) => (typeof v === 'string' ? v.split(':')[1]! : String((v as Json).target))),
  ];
  const k8sMounts = k8sObjects(manifests)
    .flatMap((o) => containersOf(o))
    .filter(({ container }) => String(container.image ?? '').startsWith('prom/alertmanager'))
    .flatMap(({ container }) => ((container.volumeMounts as Json[] | undefined) ?? []).map((m) => String(m.mountPath)));
  for (const file of filesAlertmanagerReads(config)) {
    const path = posix.normalize(file.path);
    const isTemplates = file.key === 'templates';
    const composeHint = isTemplates
      ? `mount ./monitoring/alertmanager/templates at ${path} in the alertmanager service of ${composeFile}`
      : `add a secret with target: ${path} to the alertmanager service of ${composeFile}`;
    const k8sHint = isTemplates ? `mount a ConfigMap carrying the templates at ${path}` : `mount the Secret alertmanager-secrets at ${posix.dirname(path)}`;
    if (!covers(composeMounts, path))
      problems.push(problem({ check: id, file: config.file, line: file.line, message: `${file.key} reads ${path}, which the compose service "alertmanager" does not mount`, hint: composeHint }));
    if (!covers(k8sMounts, path))
      problems.push(problem({ check: id, file: config.file, line: file.line, message: `${file.key} reads ${path}, which no volume of the Alertmanager pod in k8s/ mounts`, hint: k8sHint }));
  }
  return problems;
}

export const secretFilesCheck: Check<Workspace> = {
  id,
  description: 'the files alertmanager.yml reads (secrets, templates) are mounted by compose and by the k8s Alertmanager',
  run: async ({ workspace }) => secretFilesMounted(workspace.yaml(alertmanagerFile), workspace.compose(), workspace.manifests()),
};
