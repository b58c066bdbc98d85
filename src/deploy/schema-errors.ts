import type { ErrorObject } from 'ajv';
import type { YamlPath } from '../config/yaml-file.js';

/** An ajv instancePath (`/services/grafana/ports/0`) as a YAML path for YamlFile.lineOf. */
export function yamlPathOf(error: ErrorObject): YamlPath {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `services.grafana.ports[0]`: how messages name a place. */
export function dottedPath(path: YamlPath): string {
  return path.length ? path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') : '(top level)';
}
