import { parseComposableTemplate, type ComposableTemplate } from './composable-template.js';

/**
 * The composable templates Elasticsearch 8.17 installs itself that can match a `logs-*` or
 * `errors-*` name. `logs` comes from the stack plugin (StackTemplateRegistry, resource
 * x-pack/plugin/core/template-resources/src/main/resources/logs@template.json): pattern
 * `logs-*-*`, priority 100, a data stream template, present unless `stack.templates.enabled:
 * false`. Its component templates are not modelled (an index can never be created from it here).
 */
export function builtInTemplates(): Map<string, ComposableTemplate> {
  return new Map([
    [
      'logs',
      parseComposableTemplate(
        {
          index_patterns: ['logs-*-*'],
          priority: 100,
          data_stream: {},
          composed_of: ['logs@mappings', 'logs@settings', 'logs@custom', 'ecs@mappings'],
          ignore_missing_component_templates: ['logs@custom'],
          allow_auto_create: true,
        },
        'built-in template logs',
      ),
    ],
  ]);
}

/**
 * Templates of the apm-data and otel-data plugins, as read in elastic/elasticsearch's current
 * sources (x-pack/plugin/apm-data/src/main/resources/index-templates/logs-apm.app@template.yaml:
 * `logs-apm.app.*-*`, 140; logs-apm.error@template.yaml: `logs-apm.error-*`, 210;
 * logs-otel@template.json: `logs-*.otel-*`, 120). Whether 8.17.4 installs them by default and
 * with these priorities was not confirmed against its tag, so they are opt-in.
 */
export function pluginTemplates(): Map<string, ComposableTemplate> {
  const t = (patterns: string[], priority: number, name: string) => parseComposableTemplate({ index_patterns: patterns, priority, data_stream: {} }, `plugin template ${name}`);
  return new Map([
    ['logs-apm.app@template', t(['logs-apm.app.*-*'], 140, 'logs-apm.app@template')],
    ['logs-apm.error@template', t(['logs-apm.error-*'], 210, 'logs-apm.error@template')],
    ['logs-otel@template', t(['logs-*.otel-*'], 120, 'logs-otel@template')],
  ]);
}
