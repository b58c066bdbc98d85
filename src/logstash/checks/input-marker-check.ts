import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { PipelineConfig } from '../parser/ast.js';
import { attribute, pluginSites } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/input-marker';

/**
 * In ECS mode the tcp input fills [@metadata][input][tcp][source] before the input's
 * add_field runs (logstash-input-tcp v6.4.6 tcp.rb:307-323), and add_field appends to an
 * existing field (logstash-core util/decorators.rb:38-40): a marker added under
 * [@metadata][input] becomes [{"tcp" => ...}, "tcp"], and `== "tcp"` is never true (audit 3.3).
 */
export function inputMarkerProblems(configs: readonly PipelineConfig[]): Problem[] {
  const problems: Problem[] = [];
  for (const { plugin, kind, config } of pluginSites(configs)) {
    if (kind !== 'input' || plugin.name !== 'tcp') continue;
    const addField = attribute(plugin, 'add_field');
    if (addField?.value.kind !== 'hash') continue;
    for (const entry of addField.value.entries) {
      const key = String(entry.key.value);
      if (/^\[@metadata\]\[input\](\[|$)/.test(key)) {
        problems.push(
          problem({
            check: id,
            file: config.file,
            line: addField.pos.line,
            column: addField.pos.column,
            message: `add_field writes ${key}, which the tcp input already fills ([@metadata][input][tcp]): the value becomes an array and no == test on it is ever true`,
            hint: 'mark the input under another key, e.g. [@metadata][via]',
          }),
        );
      }
    }
  }
  return problems;
}

export const logstashInputMarkerCheck: Check<Workspace> = {
  id,
  description: 'input markers added with add_field do not collide with what the inputs fill themselves',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => inputMarkerProblems(p.configs)) : [];
  },
};
