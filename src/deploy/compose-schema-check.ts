import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { nearestName } from '../sources/nearest-name.js';
import { dottedPath, yamlPathOf } from '../sources/schema-error.js';

const id = 'deploy/compose-schema';

/**
 * The compose-spec JSON schema (github.com/compose-spec/compose-spec, schema/compose-spec.json)
 * as the dclint package ships it; compared against upstream, it lacks only three fields added
 * since (build.provenance, build.sbom, develop.watch.initial_sync), none of which we use.
 */
let validator: ValidateFunction | undefined;
function composeSpecValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
  // It declares draft-07 by an https URL that ajv's built-in draft-07 meta-schema does not answer to.
  delete schema.$schema;
  validator = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
  return validator;
}

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
    return problem({ ...at, line: compose.lineOf([...path, key]), message: `unknown key "${key}" in ${dottedPath(path)}`, hint: guess ? `did you mean "${guess}"?` : 'see the compose specification for the keys allowed here (extensions must start with x-)' });
  }
  return problem({ ...at, line: compose.valueLineOf(path), message: `${dottedPath(path)} ${error.message ?? 'is invalid'}${error.data !== undefined && typeof error.data !== 'object' ? ` (value ${JSON.stringify(error.data)})` : ''}`, hint: 'see the compose specification for this key' });
}

export const composeSchemaCheck: Check = {
  id,
  description: 'the monitoring compose file against the compose-spec JSON schema',
  run: async () => validateCompose(YamlFile.load(composeFile)),
};
