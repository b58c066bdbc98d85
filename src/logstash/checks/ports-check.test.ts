import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { k8sObjects } from '../../deploy/k8s-manifests.js';
import { inputPorts } from '../input-ports.js';
import { parseConfig } from '../parser/parse-config.js';
import { composePortProblems, k8sPortProblems } from './ports-check.js';

const inputs = inputPorts([parseConfig('p.conf', 'input { tcp { port => "${P:5000}" } syslog { port => 5140 } file { path => "/x" } }')]);
const compose = (ports: string) => YamlFile.parse('compose.yml', `services:\n  logstash:\n    image: docker.elastic.co/logstash/logstash:8.17.4\n    ports: ${ports}\n`);
const k8s = (containerPorts: string, servicePorts: string) =>
  k8sObjects([
    YamlFile.parse(
      'k8s/m.yaml',
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: logstash, namespace: monitoring }
spec:
  template:
    metadata: { labels: { app: logstash } }
    spec:
      containers:
        - name: logstash
          image: docker.elastic.co/logstash/logstash:8.17.4
          ports: ${containerPorts}
---
apiVersion: v1
kind: Service
metadata: { name: logstash, namespace: monitoring }
spec:
  selector: { app: logstash }
  ports: ${servicePorts}
`,
    ),
  ]);

describe('logstash/ports', () => {
  it('reads the inputs: env defaults, syslog on TCP and UDP', () => {
    expect(inputs.map((i) => `${i.port}/${i.protocol} ${i.input}`)).toEqual(['5000/tcp tcp', '5140/tcp syslog', '5140/udp syslog']);
  });

  it('agrees with a compose service that publishes every input port and the API', () => {
    expect(composePortProblems(inputs, compose('["5000:5000", "5140:5140/tcp", "5140:5140/udp", "127.0.0.1:9600:9600"]'))).toEqual([]);
  });

  it('names a missing UDP port and an unused published one, at the ports line', () => {
    const problems = composePortProblems(inputs, compose('["5000:5000", "5140:5140", "5044:5044"]'));
    expect(problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [4, 'error', 'the syslog input listens on 5140/udp (p.conf:1), but the logstash service does not publish it'],
      [4, 'warning', 'the logstash service publishes 5044/tcp, but no input listens there'],
    ]);
    expect(problems[0]!.hint).toBe('add "5140:5140/udp" to its ports');
  });

  it('reports a compose file without a logstash service', () => {
    expect(composePortProblems(inputs, YamlFile.parse('c.yml', 'services: {}\n'))[0]!.message).toBe('the compose file has no "logstash" service');
  });

  it('reports k8s without any Logstash workload as a problem, not as silence', () => {
    const [p] = k8sPortProblems(inputs, []);
    expect(p!.message).toBe('k8s/ runs no Logstash (no container with the image docker.elastic.co/logstash/logstash), so nothing listens on 5000/tcp, 5140/tcp, 5140/udp');
  });

  it('agrees with a k8s Deployment and Service carrying every port and protocol', () => {
    const ports = '[{ containerPort: 5000 }, { containerPort: 5140, protocol: TCP }, { containerPort: 5140, protocol: UDP }]';
    const service = '[{ name: json, port: 5000 }, { name: syslog-tcp, port: 5140 }, { name: syslog-udp, port: 5140, protocol: UDP }]';
    expect(k8sPortProblems(inputs, k8s(ports, service))).toEqual([]);
  });

  it('names the containerPort and Service port that are missing in k8s', () => {
    const problems = k8sPortProblems(inputs, k8s('[{ containerPort: 5000 }, { containerPort: 5140 }]', '[{ port: 5000 }, { port: 5140 }]'));
    expect(problems.map((p) => p.message)).toEqual([
      'Deployment/logstash does not declare containerPort 5140/udp, on which the syslog input listens (p.conf:1)',
      'no Service in front of Deployment/logstash exposes 5140/udp (the syslog input)',
    ]);
  });
});
