import type { OptionSpecs } from './plugin-options.js';

/**
 * The options every plugin of a kind takes, from logstash-core v8.17.4: plugin.rb:41,57 (id,
 * enable_metric), filters/base.rb:26-150, inputs/base.rb:42-61, outputs/base.rb:28-39,
 * codecs/base.rb, and the ecs_compatibility option of the plugins that include
 * logstash-mixin-ecs_compatibility_support (the pipeline default when unset).
 */
const plugin: OptionSpecs = {
  id: { validate: 'string' },
  enable_metric: { validate: 'boolean', default: true },
};

const obsoleteConditionals = 'You can achieve this same behavior with the new conditionals.';

export const commonFilterOptions: OptionSpecs = {
  ...plugin,
  type: { validate: 'string', obsolete: obsoleteConditionals },
  tags: { validate: 'array', obsolete: obsoleteConditionals },
  exclude_tags: { validate: 'array', obsolete: obsoleteConditionals },
  add_tag: { validate: 'array', default: [] },
  remove_tag: { validate: 'array', default: [] },
  add_field: { validate: 'hash', default: Object.assign(Object.create(null), {}) },
  remove_field: { validate: 'array', default: [] },
  periodic_flush: { validate: 'boolean', default: false },
};

export const commonInputOptions: OptionSpecs = {
  ...plugin,
  type: { validate: 'string' },
  debug: { obsolete: 'This setting no longer has any effect.' },
  format: { obsolete: "You should use the newer 'codec' setting instead." },
  charset: { obsolete: 'Use the codec setting instead.' },
  message_format: { obsolete: 'Setting is no longer valid.' },
  codec: { validate: 'codec', default: 'plain' },
  tags: { validate: 'array' },
  add_field: { validate: 'hash', default: Object.assign(Object.create(null), {}) },
};

export const commonOutputOptions: OptionSpecs = {
  ...plugin,
  type: { obsolete: obsoleteConditionals },
  tags: { obsolete: obsoleteConditionals },
  exclude_tags: { obsolete: obsoleteConditionals },
  codec: { validate: 'codec', default: 'plain' },
  workers: { default: 1n, unmodelled: 'output workers do not change what is sent' },
};

export const commonCodecOptions: OptionSpecs = { ...plugin };

/** logstash-mixin-ecs_compatibility_support v1.3.0: `ecs_compatibility => disabled|v1|v8`. */
export const ecsCompatibilityOption: OptionSpecs = {
  ecs_compatibility: { validate: ['disabled', 'v1', 'v8'] },
};
