import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { YamlFile } from '../../sources/yaml-file.js';
import { composePorts } from '../../deploy/compose-ports.js';
import { containersOf, k8sObjects, lineIn, objectName, type K8sObject } from '../../deploy/k8s-manifests.js';
import { inputPorts, portLabel, type InputPort } from '../input-ports.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/ports';
const logstashImage = /(^|\/)logstash\/logstash(:|@|$)/;
/** The monitoring API: published for health checks, not an input. */
const apiPort = 9600;

/** Inputs' ports against the compose service `logstash` (container side, with protocol). */
export function composePortProblems(inputs: readonly InputPort[], compose: YamlFile): Problem[] {
  const services = ((compose.data ?? {}) as { services?: Record<string, Record<string, unknown>> }).services ?? {};
  const service = services.logstash;
  const at = { check: id, file: compose.file };
  if (!service)
    return [problem({ ...at, message: 'the compose file has no "logstash" service', hint: 'add the logstash service that runs monitoring/logstash/pipeline', line: compose.lineOf(['services']) })];
  const line = compose.lineOf(['services', 'logstash', 'ports']) ?? compose.lineOf(['services', 'logstash']);
  const published = composePorts(service, compose.file, line);
  const problems: Problem[] = [];
  for (const input of inputs) {
    if (!published.some((p) => p.container === input.port && p.protocol === input.protocol)) {
      problems.push(
        problem({
          ...at,
          line,
          message: `the ${input.input} input listens on ${portLabel(input)} (${input.file}:${input.line}), but the logstash service does not publish it`,
          hint: `add "${input.port}:${input.port}${input.protocol === 'udp' ? '/udp' : ''}" to its ports`,
        }),
      );
    }
  }
  for (const p of published) {
    if (p.container !== apiPort && !inputs.some((i) => i.port === p.container && i.protocol === p.protocol)) {
      problems.push(
        problem({
          ...at,
          line,
          message: `the logstash service publishes ${portLabel({ port: p.container, protocol: p.protocol })}, but no input listens there`,
          hint: 'remove the port, or fix the input that should listen on it',
          severity: 'warning',
        }),
      );
    }
  }
  return problems;
}

/** Inputs' ports against the k8s workload running the Logstash image and the Services in front of it. */
export function k8sPortProblems(inputs: readonly InputPort[], objects: readonly K8sObject[]): Problem[] {
  const workloads = objects.filter((o) => containersOf(o).some(({ container }) => logstashImage.test(String(container.image ?? ''))));
  const wanted = inputs.map(portLabel).join(', ');
  if (workloads.length === 0) {
    // Pointed at the main manifest: that is where a Logstash Deployment would go.
    const files = [...new Set(objects.map((o) => o.file.file))];
    const file = files.find((f) => f.endsWith('/monitoring.yaml')) ?? files[0] ?? 'k8s/monitoring.yaml';
    return [
      problem({
        check: id,
        file,
        message: `k8s/ runs no Logstash (no container with the image docker.elastic.co/logstash/logstash), so nothing listens on ${wanted}`,
        hint: 'add a Logstash Deployment and Service to k8s/ with containerPorts and Service ports for every input (see monitoring/logstash/pipeline/logstash.conf)',
      }),
    ];
  }
  const problems: Problem[] = [];
  for (const workload of workloads) {
    const labels = podLabels(workload);
    const services = objects.filter((o) => o.kind === 'Service' && o.namespace === workload.namespace && selects(o, labels));
    for (const { container, path } of containersOf(workload).filter(({ container }) => logstashImage.test(String(container.image ?? '')))) {
      const declared = list(container.ports).map((p) => ({ port: Number(p.containerPort), protocol: String(p.protocol ?? 'TCP').toLowerCase() }));
      for (const input of inputs) {
        if (!declared.some((d) => d.port === input.port && d.protocol === input.protocol)) {
          problems.push(
            problem({
              check: id,
              file: workload.file.file,
              line: lineIn(workload, [...path, 'ports']) ?? lineIn(workload, path),
              message: `${objectName(workload)} does not declare containerPort ${portLabel(input)}, on which the ${input.input} input listens (${input.file}:${input.line})`,
              hint: `add { containerPort: ${input.port}, protocol: ${input.protocol.toUpperCase()} }`,
            }),
          );
        }
        const exposed = services.some((s) =>
          list((s.data.spec as Record<string, unknown> | undefined)?.ports).some((p) => Number(p.targetPort ?? p.port) === input.port && String(p.protocol ?? 'TCP').toLowerCase() === input.protocol),
        );
        if (!exposed) {
          problems.push(
            problem({
              check: id,
              file: workload.file.file,
              line: lineIn(workload, ['metadata', 'name']),
              message: `no Service in front of ${objectName(workload)} exposes ${portLabel(input)} (the ${input.input} input)`,
              hint: `add a Service port with targetPort ${input.port} and protocol ${input.protocol.toUpperCase()}`,
            }),
          );
        }
      }
    }
  }
  return problems;
}

function podLabels(o: K8sObject): Record<string, string> {
  const template = (o.data.spec as Record<string, unknown> | undefined)?.template as Record<string, unknown> | undefined;
  return ((template?.metadata as Record<string, unknown> | undefined)?.labels ?? {}) as Record<string, string>;
}

function selects(service: K8sObject, labels: Record<string, string>): boolean {
  const selector = ((service.data.spec as Record<string, unknown> | undefined)?.selector ?? {}) as Record<string, string>;
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

export const logstashPortsCheck: Check<Workspace> = {
  id,
  description: "the Logstash inputs' ports (and TCP/UDP) match the compose logstash service and the k8s Logstash workload and Service",
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    if (!pipelines) return [];
    const inputs = pipelines.flatMap((p) => inputPorts(p.configs));
    return [...composePortProblems(inputs, ctx.workspace.compose()), ...k8sPortProblems(inputs, k8sObjects(ctx.workspace.manifests()))];
  },
};
