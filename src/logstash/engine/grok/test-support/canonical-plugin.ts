import { readFileSync } from 'node:fs';
import { parseConfig } from '../../../parser/parse-config.js';
import type { Value } from '../../../parser/ast.js';
import { pluginSites } from '../../../walk.js';
import { newMap, type LsValue } from '../../value.js';

export const canonicalPipeline = 'monitoring/logstash/pipeline/logstash.conf';

/**
 * The options of one plugin of the canonical pipeline, found by its `id`, as plain values (the
 * way the engine hands them to a filter, without validation or defaults), so unit tests exercise
 * exactly the patterns and formats `monitoring/` ships rather than copies of them.
 */
export function canonicalOptions(id: string): Record<string, LsValue> {
  const config = parseConfig(canonicalPipeline, readFileSync(canonicalPipeline, 'utf8'));
  for (const { plugin } of pluginSites([config])) {
    const idAttribute = plugin.attributes.find((a) => a.name === 'id');
    if (idAttribute?.value.kind !== 'string' || idAttribute.value.value !== id) continue;
    const options: Record<string, LsValue> = {};
    for (const a of plugin.attributes) options[a.name] = plain(a.value);
    return options;
  }
  throw new Error(`${canonicalPipeline} has no plugin with id => "${id}"`);
}

function plain(value: Value): LsValue {
  switch (value.kind) {
    case 'string':
    case 'bareword':
      return value.value;
    case 'number':
      return value.raw.includes('.') ? value.value : BigInt(value.raw);
    case 'array':
      return value.items.map(plain);
    case 'hash':
      return newMap(value.entries.map((e) => [String(e.key.value), plain(e.value)]));
    case 'plugin':
      throw new Error(`a plugin value (${value.plugin.name}) is not an option a filter reads`);
  }
}
