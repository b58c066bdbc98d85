import type { ErrorObject } from 'ajv';
import { ConfigError } from '../config/config-error.js';
import type { YamlFile, YamlPath } from '../config/yaml-file.js';
import { nearestKey } from '../rules/nearest-key.js';

/**
 * The most telling of ajv's errors as a ConfigError at its line. An unknown key comes first
 * (it usually explains the others) and names the nearest valid key; `readme` is where the
 * file's format is described, for the hint.
 */
export function schemaErrorAtLine(yaml: YamlFile, errors: readonly ErrorObject[], readme: string): ConfigError {
  const error = errors.find((e) => e.keyword === 'additionalProperties') ?? errors.find((e) => e.keyword !== 'if') ?? errors[0]!;
  const path = pointerToPath(error.instancePath);
  const where = path.length ? `in ${describe(path)}` : 'at the top level';
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const valid = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const guess = nearestKey(key, valid);
    return new ConfigError(yaml.file, `unknown key "${key}" ${where}${guess ? `; did you mean "${guess}"?` : ''}`, `valid keys here: ${valid.join(', ')} (see ${readme})`, yaml.lineOf([...path, key]));
  }
  if (error.keyword === 'required') {
    const key = String((error.params as { missingProperty: string }).missingProperty);
    return new ConfigError(yaml.file, `missing key "${key}" ${where}`, `add ${key}: (see ${readme})`, yaml.lineOf(path));
  }
  const value = yaml.documents[0]?.getIn(path);
  const allowed = error.keyword === 'enum' ? `: one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : '';
  return new ConfigError(yaml.file, `${describe(path) || 'the file'} ${error.message ?? 'is invalid'}${allowed} (got ${JSON.stringify(value)})`, `see ${readme}`, yaml.valueLineOf(path));
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
