import type { Workspace } from '../workspace/workspace.js';
import type { ErrorObject } from 'ajv';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { k8sObjects, lineIn, objectName, type K8sObject } from './k8s-manifests.js';
import { kubernetesVersion, meaningfulErrors, strictValidator } from './k8s-strict-schemas.js';
import { nearestName } from '../sources/nearest-name.js';
import { dottedPath, yamlPathOf } from '../sources/schema-error.js';

const id = 'deploy/k8s-schema';

/** Every object of the manifests against the strict Kubernetes schema of its apiVersion/kind. */
export function validateK8sManifests(manifests: readonly YamlFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const object of k8sObjects(manifests)) {
    const apiVersion = String(object.data.apiVersion ?? '');
    const validator = strictValidator(apiVersion, object.kind);
    if (!validator) {
      problems.push(
        problem({
          check: id,
          file: object.file.file,
          line: lineIn(object, ['kind']),
          message: `Kubernetes ${kubernetesVersion} has no kind "${object.kind}" in apiVersion "${apiVersion}"`,
          hint: 'check the spelling of kind and apiVersion (e.g. apps/v1 Deployment, v1 Service, rbac.authorization.k8s.io/v1 ClusterRole)',
        }),
      );
      continue;
    }
    if (validator(object.data)) continue;
    for (const error of meaningfulErrors(validator.errors ?? [])) problems.push(toProblem(object, error));
  }
  return problems;
}

function toProblem(object: K8sObject, error: ErrorObject): Problem {
  const path = yamlPathOf(error);
  const where = dottedPath(path);
  const at = { check: id, file: object.file.file };
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
    const guess = nearestName(field, known);
    return problem({
      ...at,
      line: lineIn(object, [...path, field]),
      message: `${objectName(object)}: unknown field "${field}" in ${where}`,
      hint: guess ? `did you mean "${guess}"?` : `fields allowed there: ${known.join(', ')}`,
    });
  }
  if (error.keyword === 'required') {
    const field = (error.params as { missingProperty: string }).missingProperty;
    return problem({ ...at, line: lineIn(object, path), message: `${objectName(object)}: ${where} needs the field "${field}"`, hint: `add ${field}` });
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return problem({
      ...at,
      line: object.file.valueLineOf(path, object.doc),
      message: `${objectName(object)}: ${where} is ${JSON.stringify(error.data)}, not one of the values Kubernetes accepts`,
      hint: `use one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
    });
  }
  return problem({
    ...at,
    line: object.file.valueLineOf(path, object.doc),
    message: `${objectName(object)}: ${where} ${error.message ?? 'is invalid'} (value ${JSON.stringify(error.data)})`,
    hint: 'see the Kubernetes API reference for this field',
  });
}

export const k8sSchemaCheck: Check<Workspace> = {
  id,
  description: `k8s manifests against the Kubernetes ${kubernetesVersion} schemas, strictly (an unknown field fails)`,
  run: async ({ workspace }) => validateK8sManifests(workspace.manifests()),
};
