import type { YamlFile } from '../../sources/yaml-file.js';
import { containersOf, k8sObjects, lineIn, objectName } from '../../deploy/k8s-manifests.js';
import type { Workspace } from '../../workspace/workspace.js';

type Json = Record<string, unknown>;

/** A value of a deploy file and where it is. */
export interface Located<T> {
  value: T;
  line?: number;
}

/** How one deploy file runs Logstash: what the runtime checks (heap, probes, env) read. */
export interface LogstashDeployment {
  /** `compose service "logstash"`, `k8s Deployment/logstash`. */
  where: string;
  file: string;
  line?: number;
  env: Map<string, Located<string | { secretRef: string }>>;
  memoryLimit?: Located<string>;
  /** Health checks and probes: their kind (healthcheck, readinessProbe, ...), as text. */
  probes: { kind: string; http?: string; command?: string; line?: number }[];
}

const isLogstash = (image: unknown) => /(^|\/)logstash(:|$)|logstash\/logstash/.test(String(image ?? ''));

export function composeLogstash(compose: YamlFile): LogstashDeployment[] {
  const services = ((compose.data ?? {}) as { services?: Record<string, Json> }).services ?? {};
  return Object.entries(services)
    .filter(([, s]) => isLogstash(s.image))
    .map(([name, s]) => {
      const at = (...path: (string | number)[]) => compose.lineOf(['services', name, ...path]);
      const env = new Map<string, Located<string | { secretRef: string }>>();
      const environment = s.environment;
      if (Array.isArray(environment)) environment.forEach((e, i) => env.set(String(e).split('=')[0]!, { value: String(e).split('=').slice(1).join('='), line: at('environment', i) }));
      else for (const [k, v] of Object.entries((environment ?? {}) as Json)) env.set(k, { value: String(v ?? ''), line: at('environment', k) });
      const limits = (((s.deploy as Json | undefined)?.resources as Json | undefined)?.limits ?? {}) as Json;
      const test = (s.healthcheck as Json | undefined)?.test;
      const command = Array.isArray(test) ? test.slice(1).map(String).join(' ') : test === undefined ? undefined : String(test);
      return {
        where: `compose service "${name}"`,
        file: compose.file,
        line: at(),
        env,
        ...(limits.memory !== undefined ? { memoryLimit: { value: String(limits.memory), line: at('deploy', 'resources', 'limits', 'memory') } } : {}),
        probes: command === undefined ? [] : [{ kind: 'healthcheck', command, line: at('healthcheck', 'test') }],
      };
    });
}

export function k8sLogstash(files: readonly YamlFile[]): LogstashDeployment[] {
  const found: LogstashDeployment[] = [];
  for (const object of k8sObjects(files)) {
    for (const { container, path } of containersOf(object)) {
      if (!isLogstash(container.image)) continue;
      const env = new Map<string, Located<string | { secretRef: string }>>();
      (Array.isArray(container.env) ? (container.env as Json[]) : []).forEach((e, i) => {
        const ref = ((e.valueFrom as Json | undefined)?.secretKeyRef ?? undefined) as Json | undefined;
        env.set(String(e.name), { value: ref ? { secretRef: `${String(ref.name)}/${String(ref.key)}` } : String(e.value ?? ''), line: lineIn(object, [...path, 'env', i]) });
      });
      const memory = ((container.resources as Json | undefined)?.limits as Json | undefined)?.memory;
      const probes = ['startupProbe', 'readinessProbe', 'livenessProbe']
        .filter((k) => container[k])
        .map((kind) => {
          const probe = container[kind] as Json;
          const http = probe.httpGet as Json | undefined;
          const exec = (probe.exec as Json | undefined)?.command;
          return { kind, ...(http ? { http: String(http.path ?? '/') } : {}), ...(Array.isArray(exec) ? { command: exec.map(String).join(' ') } : {}), line: lineIn(object, [...path, kind]) };
        });
      found.push({
        where: `k8s ${objectName(object)} container "${String(container.name)}"`,
        file: object.file.file,
        line: lineIn(object, path),
        env,
        ...(memory !== undefined ? { memoryLimit: { value: String(memory), line: lineIn(object, [...path, 'resources', 'limits', 'memory']) } } : {}),
        probes,
      });
    }
  }
  return found;
}

/** Every place the repository runs Logstash: the compose file and the k8s manifests. */
export function logstashDeployments(workspace: Workspace): LogstashDeployment[] {
  return [...composeLogstash(workspace.compose()), ...k8sLogstash(workspace.manifests())];
}
