import type { ErrorObject } from 'ajv';
import { ConfigError } from '../config/config-error.js';
import type { YamlFile, YamlPath } from '../config/yaml-file.js';
import { nearestName } from '../deploy/nearest-name.js';

/**
 * The most telling of ajv's errors as a ConfigError at its line: an unknown key first (with
 * the nearest valid one), then a missing key, then anything else, naming the value found.
 */
export function schemaProblem(yaml: YamlFile, errors: readonly ErrorObject[]): ConfigError {
  const error = errors.find((e) => e.keyword === 'additionalProperties') ?? errors.find((e) => e.keyword === 'required') ?? errors[0]!;
  const path: YamlPath = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));
  const where = path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : 'the top level';
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const valid = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    const guess = nearestName(key, valid);
    return new ConfigError(yaml.file, `unknown key "${key}" in ${where}${guess ? `; did you mean "${guess}"?` : ''}`, `keys allowed here: ${valid.join(', ')}`, yaml.lineOf([...path, key]));
  }
  if (error.keyword === 'required') {
    const key = (error.params as { missingProperty: string }).missingProperty;
    return new ConfigError(yaml.file, `${where} has no "${key}"`, `add ${key}: (the comment at the top of the file says what it holds)`, yaml.lineOf(path));
  }
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const found = JSON.stringify(yaml.documents[0]?.getIn(path));
  return new ConfigError(yaml.file, `${where} ${error.message ?? 'is invalid'} (found ${found})`, allowed ? `use one of: ${allowed.join(', ')}` : undefined, yaml.valueLineOf(path));
}
