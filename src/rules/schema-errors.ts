import type { ErrorObject } from 'ajv';
import { ConfigError } from '../config/config-error.js';
import type { YamlFile, YamlPath } from '../config/yaml-file.js';
import { nearestKey } from './nearest-key.js';

/**
 * Turns the most useful of ajv's errors into a ConfigError at the offending line. An unknown
 * key wins over everything else (it usually explains the rest) and gets a "did you mean".
 */
export function schemaError(yaml: YamlFile, errors: readonly ErrorObject[]): ConfigError {
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  const error = unknown ?? errors.find((e) => e.keyword !== 'anyOf') ?? errors[0]!;
  const path = pointerToPath(error.instancePath);
  const where = path.length ? `at ${describe(path)}` : 'at the top level';
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const valid = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const guess = nearestKey(key, valid);
    return new ConfigError(
      yaml.file,
      `unknown key "${key}" ${where}${guess ? `; did you mean "${guess}"?` : ''}`,
      `valid keys here: ${valid.join(', ')}`,
      yaml.lineOf([...path, key]),
    );
  }
  if (error.keyword === 'required') {
    const key = String((error.params as { missingProperty: string }).missingProperty);
    return new ConfigError(yaml.file, `missing key "${key}" ${where}`, `add ${key}: (see fixtures/rules/README.md)`, yaml.lineOf(path));
  }
  const value = yaml.documents[0]?.getIn(path);
  return new ConfigError(yaml.file, `${describe(path) || 'the file'} ${error.message ?? 'is invalid'} (got ${JSON.stringify(value)})`, hintFor(error), yaml.valueLineOf(path));
}

function hintFor(error: ErrorObject): string | undefined {
  if (error.keyword === 'pattern') return 'write a Prometheus duration such as 15s, 5m, 1h30m';
  if (error.keyword === 'minItems' || error.keyword === 'minProperties') return 'it may not be empty';
  return undefined;
}

function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: YamlPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}
