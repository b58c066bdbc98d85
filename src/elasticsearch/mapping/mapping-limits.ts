import { EsFailure, illegalArgument } from '../es-failure.js';
import type { IndexSettings } from './index-settings.js';
import { rootFieldsCount, type Mapping, type ObjectMapping } from './mapping-types.js';

/**
 * MappingLookup#checkLimits, run whenever a mapping is created or updated (index creation from a
 * template, a dynamic mapping update): total fields (Mapper#getTotalFieldsCount of the root),
 * object depth, leaf-name length, nested fields. Each failure is an IllegalArgumentException.
 */
export function checkMappingLimits(root: ObjectMapping, settings: IndexSettings): void {
  const fail = (reason: string): never => {
    throw new EsFailure(illegalArgument(reason));
  };
  if (rootFieldsCount(root) > settings.totalFieldsLimit) fail(`Limit of total fields [${settings.totalFieldsLimit}] has been exceeded`);
  const objects: ObjectMapping[] = [];
  const all: Mapping[] = [];
  collect(root, objects, all);
  for (const o of objects) {
    const depth = o.path.split('.').length + 1;
    if (depth > settings.depthLimit) fail(`Limit of mapping depth [${settings.depthLimit}] has been exceeded due to object field [${o.path}]`);
  }
  for (const m of all) {
    if (m.name.length > settings.fieldNameLengthLimit) fail(`Field name [${m.name}] is longer than the limit of [${settings.fieldNameLengthLimit}] characters`);
  }
  const nested = objects.filter((o) => o.nested).length;
  if (nested > settings.nestedFieldsLimit) fail(`Limit of nested fields [${settings.nestedFieldsLimit}] has been exceeded`);
}

function collect(m: Mapping, objects: ObjectMapping[], all: Mapping[]): void {
  const children = m.kind === 'object' ? m.children.values() : m.multiFields.values();
  for (const c of children) {
    all.push(c);
    if (c.kind === 'object') objects.push(c);
    collect(c, objects, all);
  }
}
