import type { IndexSettings } from './index-settings.js';
import { childPath, NO_IGNORE_ABOVE, type FieldMapping, type FieldParams, type FieldType, type ObjectMapping } from './mapping-types.js';

/** Parameter defaults of a field with nothing set: the index settings' defaults apply. */
export function defaultParams(settings: IndexSettings): FieldParams {
  return {
    ignoreAbove: NO_IGNORE_ABOVE,
    ignoreMalformed: settings.ignoreMalformed,
    coerce: settings.coerce,
    index: true,
    docValues: true,
    store: false,
    ignoreZValue: true,
  };
}

function field(name: string, parent: string, type: FieldType, settings: IndexSettings, multiFields = new Map<string, FieldMapping>()): FieldMapping {
  return { kind: 'field', name, path: childPath(parent, name), type, params: defaultParams(settings), multiFields };
}

/**
 * The fields Elasticsearch 8.17 creates for values it has no mapping for, with `dynamic: true`,
 * no dynamic templates and numeric/date detection off: DynamicFieldsBuilder.Concrete
 * (server/.../index/mapper/DynamicFieldsBuilder.java, newDynamicStringField and friends).
 *  - a string: `text` with a `keyword` multi-field named `keyword`, `ignore_above: 256`;
 *  - an integer token (INT, LONG, BIG_INTEGER): `long`;
 *  - a floating-point token (FLOAT, DOUBLE, BIG_DECIMAL): `float` ("no templates are defined,
 *    we use float by default instead of double");
 *  - true/false: `boolean`.
 * Each takes ignore_malformed/coerce from the index settings, as the builders read them.
 */
export function dynamicField(kind: 'string' | 'integer' | 'floating' | 'boolean', name: string, parent: string, settings: IndexSettings): FieldMapping {
  switch (kind) {
    case 'string': {
      const path = childPath(parent, name);
      const keyword: FieldMapping = { ...field('keyword', path, 'keyword', settings), params: { ...defaultParams(settings), ignoreAbove: 256 } };
      return field(name, parent, 'text', settings, new Map([['keyword', keyword]]));
    }
    case 'integer':
      return field(name, parent, 'long', settings);
    case 'floating':
      return field(name, parent, 'float', settings);
    case 'boolean':
      return field(name, parent, 'boolean', settings);
  }
}

/** DynamicFieldsBuilder#createDynamicObjectMapper without templates: a plain enabled object. */
export function dynamicObject(name: string, parent: string): ObjectMapping {
  return { kind: 'object', name, path: childPath(parent, name), nested: false, enabled: true, children: new Map() };
}
