import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { conditionsOf, matchPatternsOf } from '../condition-walk.js';
import { expandGrok } from '../grok-expansion.js';
import { compileError } from '../oniguruma.js';
import type { PipelineConfig, PluginNode, Position, Value } from '../parser/ast.js';
import { attribute, pluginSites, scalarText, stringsOf } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/grok-patterns';

interface Pattern {
  text: string;
  pos: Position;
  what: string;
  definitions?: Record<string, string>;
}

/**
 * Every regular expression of the pipeline compiles under Oniguruma: grok match patterns
 * (expanded from the filter's own pattern_definitions), the multiline codec's pattern, mutate
 * gsub patterns, and the regexps of conditions.
 */
export async function patternProblems(configs: readonly PipelineConfig[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const config of configs) {
    for (const pattern of patternsOf(config)) {
      const at = { check: id, file: config.file, line: pattern.pos.line, column: pattern.pos.column };
      let regex = pattern.text;
      if (pattern.definitions) {
        const expanded = expandGrok(pattern.text, pattern.definitions);
        if ('undefinedName' in expanded) {
          problems.push(
            problem({
              ...at,
              message: `${pattern.what} uses %{${expanded.undefinedName}}, which this filter does not define`,
              hint: `define it in the filter's pattern_definitions (this repository defines every grok pattern it uses, so each can be compiled here)`,
            }),
          );
          continue;
        }
        if ('cycle' in expanded) {
          problems.push(problem({ ...at, message: `${pattern.what}: grok patterns refer to themselves: ${expanded.cycle.join(' -> ')}`, hint: 'break the cycle in pattern_definitions' }));
          continue;
        }
        regex = expanded.regex;
      }
      const error = await compileError(regex);
      if (error) problems.push(problem({ ...at, message: `${pattern.what} does not compile: ${error}`, hint: 'fix the regular expression (Oniguruma / Ruby syntax, as Logstash runs it)' }));
    }
  }
  return problems;
}

function patternsOf(config: PipelineConfig): Pattern[] {
  const patterns: Pattern[] = [];
  for (const { plugin, kind } of pluginSites([config])) {
    if (kind === 'filter' && plugin.name === 'grok') patterns.push(...grokPatterns(plugin));
    if (kind === 'codec' && plugin.name === 'multiline') {
      for (const s of stringsOf(attribute(plugin, 'pattern')?.value)) patterns.push({ text: s.text, pos: s.value.pos, what: 'the multiline pattern', definitions: {} });
    }
    if (kind === 'filter' && plugin.name === 'mutate') {
      const gsub = stringsOf(attribute(plugin, 'gsub')?.value);
      for (let i = 1; i < gsub.length; i += 3) patterns.push({ text: gsub[i]!.text, pos: gsub[i]!.value.pos, what: `the gsub pattern for ${gsub[i - 1]!.text}` });
    }
  }
  for (const condition of conditionsOf(config)) {
    for (const value of matchPatternsOf(condition)) {
      const text = value.kind === 'regexp' ? value.source : value.kind === 'string' ? value.value : undefined;
      if (text !== undefined) patterns.push({ text, pos: value.pos, what: `the regexp in \`${condition.text.slice(0, 60)}\`` });
    }
  }
  return patterns;
}

function grokPatterns(plugin: PluginNode): Pattern[] {
  const definitions: Record<string, string> = {};
  const defs = attribute(plugin, 'pattern_definitions')?.value;
  if (defs?.kind === 'hash') for (const e of defs.entries) definitions[String(e.key.value)] = scalarText(e.value) ?? '';
  const match = attribute(plugin, 'match')?.value;
  const fieldPatterns: { field: string; value: Value }[] = [];
  if (match?.kind === 'hash') for (const e of match.entries) fieldPatterns.push({ field: String(e.key.value), value: e.value });
  if (match?.kind === 'array') for (let i = 0; i + 1 < match.items.length; i += 2) fieldPatterns.push({ field: scalarText(match.items[i]) ?? '?', value: match.items[i + 1]! });
  return fieldPatterns.flatMap(({ field, value }) => stringsOf(value).map((s) => ({ text: s.text, pos: s.value.pos, what: `the grok pattern for ${field}`, definitions })));
}

export const logstashGrokPatternsCheck: Check<Workspace> = {
  id,
  description: 'every grok pattern (expanded from pattern_definitions) and every regexp of the pipeline compiles under Oniguruma',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    if (!pipelines) return [];
    return (await Promise.all(pipelines.map((p) => patternProblems(p.configs)))).flat();
  },
};
