import { readFileSync } from 'node:fs';
import type { PluginNode } from '../../../src/logstash/parser/ast.js';
import { parseConfig } from '../../../src/logstash/parser/parse-config.js';
import { pluginSites } from '../../../src/logstash/walk.js';
import type { PluginSource } from '../../../src/logstash/engine/plugin-config.js';

export const canonicalPipeline = 'monitoring/logstash/pipeline/logstash.conf';

/**
 * One filter of the canonical pipeline, found by its `id`, as the engine reads it: unit tests run
 * exactly the patterns and formats `monitoring/` ships, with their file:line, not copies of them.
 */
export function canonicalPlugin(id: string): PluginSource {
  const text = readFileSync(canonicalPipeline, 'utf8');
  const config = parseConfig(canonicalPipeline, text);
  for (const { plugin, kind } of pluginSites([config])) {
    const idAttribute = plugin.attributes.find((a) => a.name === 'id');
    if (idAttribute?.value.kind === 'string' && idAttribute.value.value === id) return { file: canonicalPipeline, text, node: plugin, kind: kind === 'codec' ? 'codec' : kind };
  }
  throw new Error(`${canonicalPipeline} has no plugin with id => "${id}"`);
}

/** A filter written in config syntax (`grok { match => { ... } }`), as a test's own plugin. */
export function pluginText(text: string): PluginSource {
  const full = `filter {\n  ${text}\n}\n`;
  const config = parseConfig('test.conf', full);
  return { file: 'test.conf', text: full, node: config.sections[0]!.body[0] as PluginNode, kind: 'filter' };
}
