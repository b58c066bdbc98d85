import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The compose-spec JSON schema (github.com/compose-spec/compose-spec, schema/compose-spec.json)
 * as the dclint package ships it; compared against upstream, it lacks only three fields added
 * since (build.provenance, build.sbom, develop.watch.initial_sync), none of which we use.
 */
let validator: ValidateFunction | undefined;
export function composeSpecValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json'), 'utf8')) as Record<string, unknown>;
  // It declares draft-07 by an https URL that ajv's built-in draft-07 meta-schema does not answer to.
  delete schema.$schema;
  validator = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
  return validator;
}
