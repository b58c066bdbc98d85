import type { Workspace } from '../workspace/workspace.js';
import type { Check, CheckContext } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { composePorts } from './compose-ports.js';
import { containersOf, k8sObjects, lineIn, objectName, type K8sObject } from './k8s-manifests.js';
import { grafanaEndpoints, prometheusEndpoints, type Endpoint } from './service-endpoints.js';

const id = 'deploy/ports';

/**
 * Services of the application's own compose file (not in this repository): the names and
 * ports the brief fixes, `app` on 3000 and its database `mysql` on 3306.
 */
export const appComposeServices: Readonly<Record<string, number[]>> = { app: [3000], mysql: [3306] };

export interface PortInputs {
  compose: YamlFile;
  prometheus: YamlFile;
  grafana: readonly YamlFile[];
  manifests: readonly YamlFile[];
}

/**
 * Every `host:port` that prometheus.yml and Grafana's provisioning reach must be a port the
 * compose service of that name listens on, and the port of the k8s Service of that name where
 * one exists; k8s containers listen on the ports their compose twins do. Logstash's ports are
 * the pipeline checks' job (they read its inputs), so they are not repeated here.
 */
export function portAgreement(inputs: PortInputs): { problems: Problem[]; withoutK8sService: Endpoint[] } {
  const problems: Problem[] = [];
  const composeData = (inputs.compose.data ?? {}) as { services?: Record<string, Record<string, unknown>> };
  const services = composeData.services ?? {};
  const composeListens = (name: string): number[] | undefined => {
    if (appComposeServices[name]) return appComposeServices[name];
    const service = services[name];
    return service ? composePorts(service, inputs.compose.file, inputs.compose.lineOf(['services', name, 'ports'])).map((p) => p.container) : undefined;
  };
  const objects = k8sObjects(inputs.manifests);
  const k8sServices = new Map(objects.filter((o) => o.kind === 'Service').map((o) => [o.name, o]));
  const withoutK8sService: Endpoint[] = [];

  const endpoints = [...prometheusEndpoints(inputs.prometheus), ...inputs.grafana.flatMap(grafanaEndpoints)];
  for (const e of endpoints) {
    // Prometheus scrapes itself as localhost: that is the prometheus service.
    const host = e.host === 'localhost' || e.host === '127.0.0.1' ? 'prometheus' : e.host;
    const listens = composeListens(host);
    if (!listens) {
      problems.push(
        problem({
          check: id,
          file: e.file,
          line: e.line,
          message: `${e.what} reaches ${e.host}:${e.port}, but no compose service is named "${host}"`,
          hint: `name a service of ${inputs.compose.file} (or of the app's compose file: ${Object.keys(appComposeServices).join(', ')})`,
        }),
      );
    } else if (!listens.includes(e.port)) {
      problems.push(
        problem({
          check: id,
          file: e.file,
          line: e.line,
          message: `${e.what} reaches ${e.host}:${e.port}, but the compose service "${host}" listens on ${listens.join(', ') || 'no declared port'}`,
          hint: `use port ${listens[0] ?? '?'}, or declare ${e.port} in the service's ports of ${inputs.compose.file}`,
        }),
      );
    }
    if (host === 'prometheus' && e.host !== 'prometheus') continue;
    const service = k8sServices.get(host);
    if (!service) {
      withoutK8sService.push(e);
      continue;
    }
    const ports = list(specOf(service).ports).map((p) => Number((p as Record<string, unknown>).port));
    if (!ports.includes(e.port)) {
      problems.push(
        problem({
          check: id,
          file: service.file.file,
          line: lineIn(service, ['spec', 'ports']),
          message: `${objectName(service)} serves ${ports.join(', ')}, but ${e.what} (${e.file}${e.line ? `:${e.line}` : ''}) reaches ${host}:${e.port}`,
          hint: `add port ${e.port} to the Service, or change the target`,
        }),
      );
    }
  }

  for (const workload of objects.filter((o) => containersOf(o).length > 0)) {
    for (const { container, path } of containersOf(workload)) {
      const image = String(container.image ?? '');
      const twin = Object.entries(services).find(([, s]) => String(s.image ?? '').split(':')[0] === image.split(':')[0]);
      if (!twin) continue;
      // Every port compose exposes must be declared in k8s too; k8s may declare more (a probe's).
      const label = (port: unknown, protocol: unknown) => `${Number(port)}/${String(protocol ?? 'tcp').toLowerCase()}`;
      const expected = [...new Set(composePorts(twin[1], inputs.compose.file).map((p) => label(p.container, p.protocol)))];
      const actual = new Set(list(container.ports).map((p) => label((p as Record<string, unknown>).containerPort, (p as Record<string, unknown>).protocol)));
      const missing = expected.filter((p) => !actual.has(p));
      if (missing.length > 0) {
        problems.push(
          problem({
            check: id,
            file: workload.file.file,
            line: lineIn(workload, [...path, 'ports']),
            message: `${objectName(workload)} container "${String(container.name)}" does not declare ${missing.join(', ')}, which compose service "${twin[0]}" exposes`,
            hint: 'declare the same container ports (and protocols) as compose: other configs reach the service by one port everywhere',
          }),
        );
      }
    }
  }
  problems.push(...servicesWithoutTarget(objects));
  return { problems, withoutK8sService };
}

/** A k8s Service whose targetPort names no port of the containers it selects. */
function servicesWithoutTarget(objects: readonly K8sObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const selector = (specOf(service).selector ?? {}) as Record<string, string>;
    if (Object.keys(selector).length === 0) continue;
    const selected = objects.filter((o) => {
      const labels = (((specOf(o).template as Record<string, unknown> | undefined)?.metadata as Record<string, unknown> | undefined)?.labels ?? {}) as Record<string, string>;
      return o.namespace === service.namespace && containersOf(o).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
    if (selected.length === 0) {
      problems.push(
        problem({
          check: id,
          file: service.file.file,
          line: lineIn(service, ['spec', 'selector']),
          message: `${objectName(service)} selects no workload in k8s/`,
          hint: 'make its selector match the pod template labels of the workload it fronts',
        }),
      );
      continue;
    }
    const containerPorts = selected.flatMap((o) => containersOf(o).flatMap(({ container }) => list(container.ports) as Record<string, unknown>[]));
    list(specOf(service).ports).forEach((p, i) => {
      const port = p as Record<string, unknown>;
      const target = port.targetPort ?? port.port;
      if (!containerPorts.some((c) => c.name === target || c.containerPort === target)) {
        problems.push(
          problem({
            check: id,
            file: service.file.file,
            line: lineIn(service, ['spec', 'ports', i]),
            message: `${objectName(service)} sends port ${String(port.port)} to "${String(target)}", which no selected container declares`,
            hint: `use a containerPort (or its name) of ${selected.map(objectName).join(', ')}`,
          }),
        );
      }
    });
  }
  return problems;
}

function specOf(object: K8sObject): Record<string, unknown> {
  return (object.data.spec ?? {}) as Record<string, unknown>;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const portsAgreeCheck: Check<Workspace> = {
  id,
  description: 'ports agree across compose, k8s Services and containers, prometheus.yml targets and Grafana data sources',
  async run(ctx: CheckContext<Workspace>) {
    const { workspace } = ctx;
    const grafana = [...workspace.grafanaProvisioning('datasources'), ...workspace.grafanaProvisioning('alerting')];
    const { problems, withoutK8sService } = portAgreement({ compose: workspace.compose(), prometheus: workspace.prometheusFile(), grafana, manifests: workspace.manifests() });
    if (withoutK8sService.length > 0) {
      const lines = withoutK8sService.map((e) => `  ${e.host}:${e.port}  (${e.what}, ${e.file}${e.line ? `:${e.line}` : ''})`);
      ctx.report('Targets with no Service of that name in k8s/ (they resolve in Kubernetes only where such a Service exists in the namespace monitoring)', lines.join('\n'));
    }
    return problems;
  },
};
