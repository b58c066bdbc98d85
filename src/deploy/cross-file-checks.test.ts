import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { imagePinsAgree, splitImage } from './image-pins-agree-check.js';
import { loadK8sManifests } from './k8s-manifests.js';
import { portAgreement } from './ports-agree-check.js';

const yaml = (file: string, ...lines: string[]) => YamlFile.parse(file, `${lines.join('\n')}\n`);
const compose = yaml(
  'monitoring/c.yml',
  'services:',
  '  prometheus:',
  '    image: prom/prometheus:v2.42.0',
  '    ports: ["127.0.0.1:9090:9090"]',
  '  alertmanager:',
  '    image: prom/alertmanager:v0.25.0',
  '    ports: ["9093:9093"]',
);
const prometheus = (target: string) =>
  yaml(
    'monitoring/p.yml',
    'alerting:',
    '  alertmanagers:',
    '    - static_configs:',
    `        - targets: ['${target}']`,
    'scrape_configs:',
    '  - job_name: app',
    '    static_configs:',
    "      - targets: ['app:3000']",
  );
const workload = (image: string, port: number) => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: am, namespace: monitoring }',
  'spec:',
  '  selector: { matchLabels: { app: am } }',
  '  template:',
  '    metadata: { labels: { app: am } }',
  '    spec:',
  '      containers:',
  `        - { name: am, image: "${image}", ports: [{ name: http, containerPort: ${port} }] }`,
];
const service = (port: number, target: string) => [
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: { name: alertmanager, namespace: monitoring }',
  'spec:',
  '  selector: { app: am }',
  `  ports: [{ port: ${port}, targetPort: ${target} }]`,
];

describe('portAgreement', () => {
  it('accepts the repository files', () => {
    const inputs = {
      compose: YamlFile.load(composeFile),
      prometheus: YamlFile.load('monitoring/prometheus.yml'),
      grafana: [YamlFile.load('monitoring/grafana/provisioning/datasources/prometheus.yaml')],
      manifests: loadK8sManifests(),
    };
    expect(portAgreement(inputs).problems).toEqual([]);
  });

  it('fails a target on a port the compose service does not listen on, and a host no service has', () => {
    const { problems } = portAgreement({ compose, prometheus: prometheus('alertmanager:9094'), grafana: [], manifests: [] });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual(['monitoring/p.yml:4 alerting reaches alertmanager:9094, but the compose service "alertmanager" listens on 9093']);
    expect(portAgreement({ compose, prometheus: prometheus('alertmanagr:9093'), grafana: [], manifests: [] }).problems[0]!.message).toBe(
      'alerting reaches alertmanagr:9093, but no compose service is named "alertmanagr"',
    );
  });

  it('fails a k8s Service, container or targetPort that disagrees, and lists targets without a k8s Service', () => {
    const manifest = yaml('k8s/t.yaml', ...workload('prom/alertmanager:v0.25.0', 9094), ...service(9095, 'web'));
    const { problems, withoutK8sService } = portAgreement({ compose, prometheus: prometheus('alertmanager:9093'), grafana: [], manifests: [manifest] });
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '17 Service/alertmanager serves 9095, but alerting (monitoring/p.yml:4) reaches alertmanager:9093',
      '10 Deployment/am container "am" does not declare 9093/tcp, which compose service "alertmanager" exposes',
      '17 Service/alertmanager sends port 9095 to "web", which no selected container declares',
    ]);
    expect(withoutK8sService.map((e) => `${e.host}:${e.port}`)).toEqual(['app:3000']);
  });
});

describe('imagePinsAgree', () => {
  it('accepts the repository manifests', () => {
    expect(imagePinsAgree(YamlFile.load(composeFile), loadK8sManifests())).toEqual([]);
  });

  it('fails another tag, and an image compose does not pin', () => {
    const manifest = yaml('k8s/t.yaml', ...workload('prom/alertmanager:v0.26.0', 9093), '---', ...workload('busybox:1.36', 1).slice(0, 9), '        - { name: x, image: busybox:1.36 }');
    expect(imagePinsAgree(compose, [manifest]).map((p) => `${p.line} ${p.message}`)).toEqual([
      '10 Deployment/am runs prom/alertmanager:v0.26.0, but monitoring/c.yml pins prom/alertmanager:v0.25.0 (service "alertmanager")',
      '21 Deployment/am runs busybox:1.36, which monitoring/c.yml does not pin',
    ]);
  });

  it('splits registry ports, tags and digests correctly', () => {
    expect(splitImage('localhost:5000/prom/prometheus')).toEqual({ repository: 'localhost:5000/prom/prometheus' });
    expect(splitImage('docker.elastic.co/kibana/kibana:8.17.4')).toEqual({ repository: 'docker.elastic.co/kibana/kibana', tag: '8.17.4' });
    expect(splitImage('x@sha256:abc')).toEqual({ repository: 'x', tag: 'sha256:abc' });
  });
});
