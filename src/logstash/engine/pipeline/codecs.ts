import type { Attribute, PluginNode } from '../../parser/ast.js';
import { commonCodecOptions } from '../common-options.js';
import { whereOf } from '../engine-errors.js';
import { UnmodelledError } from '../filter-api.js';
import type { CodecNode } from '../inputs/input-api.js';
import { multilineOptions } from '../inputs/multiline-settings.js';
import { configInit, optionsFromValues } from '../plugin-config.js';
import type { OptionSpecs } from '../plugin-options.js';

const charset: OptionSpecs = { charset: { validate: 'string', default: 'UTF-8' } };

/** The codecs the engine models, with the options each declares at its bundled version. */
const codecOptions: Record<string, OptionSpecs> = {
  // logstash-codec-json_lines v3.2.2 json_lines.rb:37-52
  json_lines: {
    ...charset,
    ecs_compatibility: {},
    delimiter: { validate: 'string', default: '\n' },
    decode_size_limit_bytes: { validate: 'number', default: 536870912n },
    target: { validate: 'field_reference', unmodelled: 'json_lines target is not modelled' },
  },
  // logstash-codec-plain v3.1.0 plain.rb:17-27
  plain: { ...charset, ecs_compatibility: {}, format: { validate: 'string' } },
  // logstash-codec-multiline v3.1.2
  multiline: multilineOptions,
  // logstash-codec-rubydebug v3.1.0
  rubydebug: { metadata: { validate: 'boolean', default: false } },
};

/**
 * The codec of an input or output: `codec => name { ... }` or `codec => "name"` (mixin.rb:99-108
 * builds it from its defaults), else the plugin's default codec. An unmodelled codec fails here.
 */
export function codecOf(file: string, text: string, plugin: PluginNode, defaultName: string, variables: Readonly<Record<string, string>>): CodecNode {
  const attribute: Attribute | undefined = plugin.attributes.find((a) => a.name === 'codec');
  const where = attribute ? whereOf(file, attribute.pos) : whereOf(file, plugin.pos);
  if (attribute?.value.kind === 'plugin') {
    const node = attribute.value.plugin;
    const specs = codecOptions[node.name];
    if (!specs) throw unmodelled(where, node.name);
    return { name: node.name, options: configInit({ file, text, node, kind: 'codec' }, { ...commonCodecOptions, ...specs }, variables) };
  }
  const name = attribute && (attribute.value.kind === 'string' || attribute.value.kind === 'bareword') ? attribute.value.value : defaultName;
  const specs = codecOptions[name];
  if (!specs) throw unmodelled(where, name);
  return { name, options: optionsFromValues(name, where, { ...commonCodecOptions, ...specs }, {}) };
}

function unmodelled(where: string, name: string): UnmodelledError {
  return new UnmodelledError(`the ${name} codec is not modelled by the engine (modelled: ${Object.keys(codecOptions).join(', ')})`, 'codec', where);
}
