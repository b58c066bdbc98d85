import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { heapProblems, parseBytes } from './heap-fits-check.js';
import { probeProblems } from './health-probe-check.js';
import { composeLogstash, k8sLogstash } from './logstash-deployments.js';

const compose = (env: string, memory: string, test: string) =>
  composeLogstash(
    YamlFile.parse(
      'c.yml',
      `services:\n  logstash:\n    image: docker.elastic.co/logstash/logstash:8.17.4\n    environment:\n      LS_JAVA_OPTS: ${env}\n    healthcheck:\n      test: ${test}\n    deploy:\n      resources:\n        limits: { memory: ${memory} }\n`,
    ),
  );
const k8s = (memory: string, probe: string) =>
  k8sLogstash([
    YamlFile.parse(
      'k.yaml',
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: logstash }\nspec:\n  template:\n    spec:\n      containers:\n        - name: logstash\n          image: docker.elastic.co/logstash/logstash:8.17.4\n          resources: { limits: { memory: ${memory} } }\n          ${probe}\n`,
    ),
  ]);
const lines = (ps: { file: string; line?: number; message: string }[]) => ps.map((p) => `${p.file}:${p.line} ${p.message}`);
const goodTest = `["CMD-SHELL", "curl -fsS http://localhost:9600/_health_report -o /tmp/health && ! grep -q '\\"status\\":\\"red\\"' /tmp/health"]`;

describe('logstash/heap-fits (audit 1.3)', () => {
  it('reads sizes as compose and Kubernetes write them', () => {
    expect([parseBytes('256m'), parseBytes('1g'), parseBytes('512M'), parseBytes('2Gi', true), parseBytes('2G', true)]).toEqual([256 * 2 ** 20, 2 ** 30, 512 * 2 ** 20, 2 * 2 ** 30, 2e9]);
  });

  it('reports a 256 MiB heap in a 512 MiB limit, and the default 1 GiB heap in 1 GiB', () => {
    expect(lines(heapProblems(compose('-Xms256m -Xmx256m', '512M', goodTest)))).toEqual([
      'c.yml:10 compose service "logstash": a 256 MiB heap (-Xmx256m) does not fit in a 512M limit: the JVM needs 1024 MiB with its non-heap memory',
    ]);
    expect(lines(heapProblems(k8s('1Gi', '')))).toEqual([
      'k.yaml:10 k8s Deployment/logstash container "logstash": a 1024 MiB heap (Logstash\'s default) does not fit in a 1Gi limit: the JVM needs 2048 MiB with its non-heap memory',
    ]);
  });

  it('accepts a 1 GiB heap in 2 GiB', () => {
    expect(heapProblems(compose('-Xms1g -Xmx1g', '2G', goodTest))).toEqual([]);
  });
});

describe('logstash/health-probe (audit, severity 5)', () => {
  it('reports /_node/pipelines in compose and any HTTP probe in k8s', () => {
    expect(lines(probeProblems(compose('-Xmx1g', '2G', '["CMD-SHELL", "curl -fsS http://localhost:9600/_node/pipelines >/dev/null"]')))[0]).toMatch(
      /^c.yml:7 compose service "logstash": the healthcheck reports a failed pipeline as healthy: it runs "curl -fsS http:\/\/localhost:9600\/_node\/pipelines >\/dev\/null", which does not read/,
    );
    expect(lines(probeProblems(k8s('2Gi', 'readinessProbe: { httpGet: { path: /_node/pipelines, port: 9600 } }')))[0]).toMatch(
      /^k.yaml:11 .*the readinessProbe reports a failed pipeline as healthy: an HTTP probe of \/_node\/pipelines passes on any 200/,
    );
  });

  it("accepts probes that fail on the health report's red status", () => {
    expect(probeProblems(compose('-Xmx1g', '2G', goodTest))).toEqual([]);
    expect(
      probeProblems(k8s('2Gi', `readinessProbe: { exec: { command: [sh, -c, "curl -fsS http://localhost:9600/_health_report -o /tmp/health && ! grep -q '\\"status\\":\\"red\\"' /tmp/health"] } }`)),
    ).toEqual([]);
  });
});
