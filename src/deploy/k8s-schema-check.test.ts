import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { loadK8sManifests } from './k8s-manifests.js';
import { validateK8sManifests } from './k8s-schema-check.js';

const deployment = (container: string[]) =>
  YamlFile.parse(
    'k8s/t.yaml',
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web }',
      'spec:',
      '  selector: { matchLabels: { app: web } }',
      '  template:',
      '    metadata: { labels: { app: web } }',
      '    spec:',
      '      containers:',
      '        - name: web',
      ...container.map((l) => `          ${l}`),
      '',
    ].join('\n'),
  );

describe('validateK8sManifests (strict Kubernetes 1.27 schemas)', () => {
  it('accepts the repository manifests', () => {
    expect(validateK8sManifests(loadK8sManifests())).toEqual([]);
  }, 120_000); // compiles the Kubernetes schemas first: seconds of CPU idle, far more at load 30

  it('fails an unknown field, at its line, with the nearest real field', () => {
    const problems = validateK8sManifests([deployment(['image: nginx:1.25', 'imagePullPolicyy: Always'])]);
    expect(problems).toEqual([
      expect.objectContaining({
        check: 'deploy/k8s-schema',
        file: 'k8s/t.yaml',
        line: 12,
        message: 'Deployment/web: unknown field "imagePullPolicyy" in spec.template.spec.containers[0]',
        hint: 'did you mean "imagePullPolicy"?',
      }),
    ]);
  });

  it('fails an unknown field in a map-valued place too (resources.limits is a map, resources is not)', () => {
    const problems = validateK8sManifests([deployment(['image: nginx:1.25', 'resources: { limit: { cpu: 1 } }'])]);
    expect(problems.map((p) => p.message)).toEqual(['Deployment/web: unknown field "limit" in spec.template.spec.containers[0].resources']);
  });

  it('reports a missing required field, a wrong type and an unknown kind', () => {
    expect(validateK8sManifests([deployment(['ports: [{ name: http }]'])]).map((p) => p.message)).toEqual([
      'Deployment/web: spec.template.spec.containers[0].ports[0] needs the field "containerPort"',
    ]);
    expect(validateK8sManifests([deployment(['image: 3'])])).toMatchObject([{ line: 11, message: 'Deployment/web: spec.template.spec.containers[0].image must be string (value 3)' }]);
    const unknownKind = YamlFile.parse('k8s/t.yaml', 'apiVersion: apps/v1\nkind: Deploymnt\nmetadata: { name: x }\n');
    expect(validateK8sManifests([unknownKind])).toMatchObject([{ line: 2, message: 'Kubernetes 1.27.1 has no kind "Deploymnt" in apiVersion "apps/v1"' }]);
  });
});
