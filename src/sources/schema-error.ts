import type { ErrorObject } from 'ajv';
import { ConfigError } from './config-error.js';
import { nearestName } from './nearest-name.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/**
 * The most telling of ajv's errors on a YAML data file (scenarios, fixtures, incidents) as a
 * ConfigError at its line. An unknown key wins over everything else (it usually explains the
 * rest) and names the nearest valid key; then a missing key; then anything else, with the
 * value found. `formatDoc` is where the file's format is described, for the hint.
 */
export function schemaError(yaml: YamlFile, errors: readonly ErrorObject[], formatDoc: string): ConfigError {
  const error =
    errors.find((e) => e.keyword === 'additionalProperties') ?? errors.find((e) => e.keyword === 'required') ?? errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'if') ?? errors[0]!;
  const path = yamlPathOf(error);
  const where = path.length ? `in ${dottedPath(path)}` : 'at the top level';
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const valid = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const guess = nearestName(key, valid);
    return new ConfigError(
      yaml.file,
      `unknown key "${key}" ${where}${guess ? `; did you mean "${guess}"?` : ''}`,
      `valid keys here: ${valid.join(', ')} (see ${formatDoc})`,
      yaml.lineOf([...path, key]),
    );
  }
  if (error.keyword === 'required') {
    const key = String((error.params as { missingProperty: string }).missingProperty);
    return new ConfigError(yaml.file, `missing key "${key}" ${where}`, `add ${key}: (see ${formatDoc})`, yaml.lineOf(path));
  }
  const value = yaml.documents[0]?.getIn(path);
  const what = error.keyword === 'enum' ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : (error.message ?? 'is invalid');
  // A schema may say in words what a pattern means ("a Prometheus duration such as 5m").
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  return new ConfigError(yaml.file, `${dottedPath(path)} ${what} (got ${JSON.stringify(value)})`, described ? `write ${described} (see ${formatDoc})` : `see ${formatDoc}`, yaml.valueLineOf(path));
}

/** An ajv instancePath (`/services/grafana/ports/0`) as a YAML path for YamlFile.lineOf. */
export function yamlPathOf(error: ErrorObject): YamlPath {
  if (!error.instancePath) return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `services.grafana.ports[0]`: how messages name a place; `(top level)` for the root. */
export function dottedPath(path: YamlPath): string {
  return path.length
    ? path
        .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
        .join('')
        .replace(/^\./, '')
    : '(top level)';
}
