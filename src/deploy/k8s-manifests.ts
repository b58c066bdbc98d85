import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import type { YamlFile, YamlPath } from '../sources/yaml-file.js';

export const k8sDir = 'k8s';

/** One Kubernetes object of a manifest file, with what is needed to point at its lines. */
export interface K8sObject {
  file: YamlFile;
  /** Index of its YAML document in the file. */
  doc: number;
  kind: string;
  name: string;
  /** metadata.namespace, or '' for cluster-scoped objects and the default namespace. */
  namespace: string;
  data: Record<string, unknown>;
}

/** Every manifest under k8s/ (`*.yaml` / `*.yml`), parsed with positions, in name order. */
export function loadK8sManifests(dir = k8sDir, files = new SourceFiles(repoRoot)): YamlFile[] {
  if (!files.isDirectory(dir)) throw new ConfigError(dir, 'the Kubernetes manifests folder is missing', `put the manifests under ${dir}/, or check another root`);
  return files
    .list(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => files.yaml(`${dir}/${f}`, 'a Kubernetes manifest'));
}

/** The objects of some manifests; empty documents (a trailing `---`) are skipped. */
export function k8sObjects(files: readonly YamlFile[]): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const file of files) {
    file.documents.forEach((document, doc) => {
      const data = document.toJS() as unknown;
      if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) return;
      const record = data as Record<string, unknown>;
      const metadata = (record.metadata ?? {}) as Record<string, unknown>;
      objects.push({ file, doc, kind: String(record.kind ?? ''), name: String(metadata.name ?? ''), namespace: String(metadata.namespace ?? ''), data: record });
    });
  }
  return objects;
}

/** The line of `path` inside an object, for problems. */
export function lineIn(object: K8sObject, path: YamlPath): number | undefined {
  return object.file.lineOf(path, object.doc);
}

/** `Deployment/prometheus`: how messages name an object. */
export function objectName(object: K8sObject): string {
  return `${object.kind}/${object.name}`;
}

/** The containers of a workload (Deployment, DaemonSet, StatefulSet...), with their YAML paths. */
export function containersOf(object: K8sObject): { container: Record<string, unknown>; path: YamlPath }[] {
  const spec = (object.data.spec as Record<string, unknown> | undefined)?.template as Record<string, unknown> | undefined;
  const podSpec = spec?.spec as Record<string, unknown> | undefined;
  const result: { container: Record<string, unknown>; path: YamlPath }[] = [];
  for (const field of ['initContainers', 'containers'] as const) {
    const list = podSpec?.[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, i) => result.push({ container: container as Record<string, unknown>, path: ['spec', 'template', 'spec', field, i] }));
  }
  return result;
}
