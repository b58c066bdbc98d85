import type { Workspace } from '../workspace/workspace.js';
import type { ErrorObject } from 'ajv';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { nearestName } from '../sources/nearest-name.js';
import { dottedPath, yamlPathOf } from '../sources/schema-error.js';
import { composeSpecValidator } from './compose-spec-schema.js';

const id = 'deploy/compose-schema';

/** The compose file against the compose specification: unknown keys and wrong types fail. */
export function validateCompose(compose: YamlFile): Problem[] {
  const validate = composeSpecValidator();
  if (validate(compose.data)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if').map((e) => toProblem(compose, e));
}

function toProblem(compose: YamlFile, error: ErrorObject): Problem {
  const path = yamlPathOf(error);
  const at = { check: id, file: compose.file };
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
    const guess = nearestName(key, known);
    return problem({
      ...at,
      line: compose.lineOf([...path, key]),
      message: `unknown key "${key}" in ${dottedPath(path)}`,
      hint: guess ? `did you mean "${guess}"?` : 'see the compose specification for the keys allowed here (extensions must start with x-)',
    });
  }
  return problem({
    ...at,
    line: compose.valueLineOf(path),
    message: `${dottedPath(path)} ${error.message ?? 'is invalid'}${error.data !== undefined && typeof error.data !== 'object' ? ` (value ${JSON.stringify(error.data)})` : ''}`,
    hint: 'see the compose specification for this key',
  });
}

export const composeSchemaCheck: Check<Workspace> = {
  id,
  description: 'the monitoring compose file against the compose-spec JSON schema',
  run: async ({ workspace }) => validateCompose(workspace.compose()),
};
