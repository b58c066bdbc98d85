import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { parseConfig } from '../parser/parse-config.js';
import { credentialProblems } from './es-credentials-check.js';
import { composeLogstash, k8sLogstash } from './logstash-deployments.js';

const output = (options: string) => [parseConfig('p.conf', `output {\n  elasticsearch {\n    hosts => "\${ELASTICSEARCH_HOSTS}"\n    ${options}\n  }\n}`)];
const compose = (env: string) => composeLogstash(YamlFile.parse('c.yml', `services:\n  logstash:\n    image: docker.elastic.co/logstash/logstash:8.17.4\n    environment:\n${env}`));
const k8s = (env: string) =>
  k8sLogstash([
    YamlFile.parse(
      'k.yaml',
      `kind: Deployment\nmetadata: { name: logstash }\nspec:\n  template:\n    spec:\n      containers:\n        - name: logstash\n          image: docker.elastic.co/logstash/logstash:8.17.4\n          env:\n${env}`,
    ),
  ]);
const messages = (options: string, deployments = [...compose('      X: y\n'), ...k8s('            - { name: X, value: y }\n')]) =>
  credentialProblems(output(options), deployments).map((p) => `${p.file}:${p.line} ${p.message}`);
const good = 'user => "${ELASTICSEARCH_USER:logstash_writer}"\n    password => "${ELASTICSEARCH_PASSWORD:}"';

describe('logstash/es-credentials (audit 1.2)', () => {
  it('reports an output without credentials, a literal secret, and verification turned off', () => {
    expect(messages('index => "x"', [])).toEqual([
      'p.conf:2 this elasticsearch output has no user: a secured Elasticsearch answers 401 and the pipeline stalls',
      'p.conf:2 this elasticsearch output has no password: a secured Elasticsearch answers 401 and the pipeline stalls',
    ]);
    expect(messages('api_key => "id:key"\n    ssl_verification_mode => "none"', [])).toEqual([
      'p.conf:4 api_key is written in the pipeline',
      'p.conf:2 this elasticsearch output does not verify certificates',
    ]);
  });

  it('reports deploy files that do not pass the secret, or pass it in clear', () => {
    expect(messages(good)).toEqual([
      'c.yml:2 compose service "logstash" does not pass ELASTICSEARCH_PASSWORD, which the elasticsearch outputs read',
      'k.yaml:7 k8s Deployment/logstash container "logstash" does not pass ELASTICSEARCH_PASSWORD, which the elasticsearch outputs read',
    ]);
    expect(messages(good, [...compose('      ELASTICSEARCH_PASSWORD: hunter2\n'), ...k8s('            - { name: ELASTICSEARCH_PASSWORD, value: hunter2 }\n')])).toEqual([
      'c.yml:5 compose service "logstash" sets ELASTICSEARCH_PASSWORD in clear',
      'k.yaml:10 k8s Deployment/logstash container "logstash" sets ELASTICSEARCH_PASSWORD in clear',
    ]);
  });

  it('accepts secrets from the environment, a Secret in k8s and substitution in compose', () => {
    const deployments = [
      ...compose('      ELASTICSEARCH_PASSWORD: ${ELASTICSEARCH_PASSWORD:-}\n'),
      ...k8s('            - name: ELASTICSEARCH_PASSWORD\n              valueFrom: { secretKeyRef: { name: logstash-elasticsearch, key: password, optional: true } }\n'),
    ];
    expect(messages(good, deployments)).toEqual([]);
  });
});
