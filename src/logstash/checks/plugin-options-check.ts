import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { nearestName } from '../../sources/nearest-name.js';
import type { Value } from '../parser/ast.js';
import { pluginCatalog, type OptionSpec, type PluginCatalog } from '../plugin-catalog.js';
import { pluginSites, scalarText, type PluginSite } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/plugin-options';
const catalogFiles = { input: 'inputs.yaml', filter: 'filters.yaml', output: 'outputs.yaml', codec: 'codecs.yaml' } as const;

/**
 * Every plugin must be one whose documentation we hold, and every option one its
 * documentation lists (a misspelt option is otherwise only found when Logstash starts).
 */
export function optionProblems(sites: readonly PluginSite[], catalog: PluginCatalog = pluginCatalog()): Problem[] {
  const problems: Problem[] = [];
  for (const { plugin, kind, config } of sites) {
    const at = (pos: { line: number; column: number }) => ({ check: id, file: config.file, line: pos.line, column: pos.column });
    const options = catalog.options(kind, plugin.name);
    if (!options) {
      const known = Object.keys(catalog.plugins(kind));
      const guess = nearestName(plugin.name, known);
      problems.push(
        problem({
          ...at(plugin.pos),
          message: `unknown ${kind} plugin "${plugin.name}"${guess ? `; did you mean "${guess}"?` : ''}`,
          hint: `${kind} plugins with documented options here: ${known.join(', ')}. To use another, add its options from its documentation to src/logstash/plugin-options/${catalogFiles[kind]}`,
        }),
      );
      continue;
    }
    const source = catalog.plugins(kind)[plugin.name]!.source;
    for (const attribute of plugin.attributes) {
      const spec = options[attribute.name];
      if (!spec) {
        const guess = nearestName(attribute.name, Object.keys(options));
        problems.push(
          problem({
            ...at(attribute.pos),
            message: `unknown option "${attribute.name}" for the ${plugin.name} ${kind}${guess ? `; did you mean "${guess}"?` : ''}`,
            hint: `options of ${plugin.name} (${source}): ${Object.keys(options).sort().join(', ')}`,
          }),
        );
        continue;
      }
      const wrong = valueProblem(spec, attribute.value);
      if (wrong) problems.push(problem({ ...at(attribute.value.pos), message: `option "${attribute.name}" of the ${plugin.name} ${kind} ${wrong}`, hint: `see ${source}` }));
    }
    for (const [name, spec] of Object.entries(options)) {
      if (spec.required && !plugin.attributes.some((a) => a.name === name)) {
        problems.push(problem({ ...at(plugin.pos), message: `the ${plugin.name} ${kind} requires the option "${name}"`, hint: `add ${name} => ... (${source})` }));
      }
    }
  }
  return problems;
}

/** What is wrong with a value for its documented type, or undefined. `${VAR}` is not judged. */
function valueProblem(spec: OptionSpec, value: Value): string | undefined {
  const text = scalarText(value);
  if (text?.includes('${')) return undefined;
  if (spec.values && text !== undefined && !spec.values.includes(text)) return `is "${text}"; allowed: ${spec.values.join(', ')}`;
  if (spec.type === 'codec' && value.kind !== 'plugin' && value.kind !== 'string' && value.kind !== 'bareword') return 'must name a codec';
  if (spec.type === 'boolean' && !(text === 'true' || text === 'false')) return `must be true or false, not ${text ?? `a${value.kind === 'array' ? 'n' : ''} ${value.kind}`}`;
  if (spec.type === 'number' && (text === undefined || !/^-?\d+(\.\d+)?$/.test(text))) return `must be a number, not ${text ?? `a ${value.kind}`}`;
  if (spec.type === 'hash' && value.kind !== 'hash') return `must be a hash ({ "key" => value }), not a ${value.kind}`;
  return undefined;
}

export const logstashPluginOptionsCheck: Check<Workspace> = {
  id,
  description: 'every Logstash plugin and option in the pipeline is one its documentation lists (src/logstash/plugin-options/)',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => optionProblems(pluginSites(p.configs))) : [];
  },
};
