import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { repoPathOf } from '../container-paths.js';
import type { PipelineConfig } from '../parser/ast.js';
import { sprintfParts } from '../parser/sprintf.js';
import { attribute, pluginSites, scalarText } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/index-template';
/** Elasticsearch 8's built-in `logs` template: pattern logs-*-*, priority 100, data streams. */
const builtInLogsPriority = 100;

interface Template {
  index_patterns?: unknown;
  priority?: unknown;
  template?: { mappings?: unknown };
}

/**
 * The index template each elasticsearch output installs must be valid JSON in the composable
 * shape, cover the index the output writes (else the mappings — geo_point, ip — never apply),
 * and rank above Elasticsearch's built-in logs template where their patterns overlap.
 */
export function templateProblems(configs: readonly PipelineConfig[], read: (path: string) => string): Problem[] {
  const problems: Problem[] = [];
  for (const { plugin, kind, config } of pluginSites(configs)) {
    if (kind !== 'output' || plugin.name !== 'elasticsearch') continue;
    const at = { check: id, file: config.file, line: plugin.pos.line, column: plugin.pos.column };
    const path = scalarText(attribute(plugin, 'template')?.value);
    const index = scalarText(attribute(plugin, 'index')?.value);
    if (scalarText(attribute(plugin, 'manage_template')?.value) === 'false') continue;
    if (!path) {
      problems.push(
        problem({
          ...at,
          message: "this elasticsearch output installs the plugin's default template, which does not map our fields",
          hint: 'set template => "/usr/share/logstash/templates/index-template.json" (monitoring/elasticsearch/index-template.json)',
          severity: 'warning',
        }),
      );
      continue;
    }
    const repo = repoPathOf(path);
    if (!repo) continue; // logstash/referenced-files reports it
    const text = read(repo);
    let template: Template;
    try {
      template = JSON.parse(text) as Template;
    } catch (error) {
      const offset = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
      problems.push(
        problem({
          check: id,
          file: repo,
          line: text.slice(0, offset).split('\n').length,
          message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          hint: 'fix the JSON at that line',
        }),
      );
      continue;
    }
    const tAt = { check: id, file: repo, line: 1 };
    const patterns = Array.isArray(template.index_patterns) ? template.index_patterns.map(String) : [];
    if (patterns.length === 0 || !template.template || typeof template.template.mappings !== 'object') {
      problems.push(
        problem({
          ...tAt,
          message: 'not a composable index template: it needs index_patterns and template.mappings',
          hint: 'write { "index_patterns": [...], "priority": N, "template": { "settings": {...}, "mappings": {...} } }',
        }),
      );
      continue;
    }
    if (scalarText(attribute(plugin, 'template_api')?.value) === 'legacy')
      problems.push(problem({ ...at, message: 'template_api is legacy, but the template is composable', hint: 'set template_api => "composable"' }));
    const sample = index ? sampleIndexName(index) : undefined;
    if (sample && !patterns.some((p) => matchesWildcard(p, sample))) {
      problems.push(
        problem({
          ...at,
          message: `the index "${index}" (e.g. ${sample}) is not covered by the template's index_patterns (${patterns.join(', ')})`,
          hint: `add a pattern matching ${sample} to index_patterns in ${repo}`,
        }),
      );
    }
    const priority = typeof template.priority === 'number' ? template.priority : 0;
    if (patterns.some((p) => p.startsWith('logs') || p === '*') && priority <= builtInLogsPriority) {
      problems.push(
        problem({
          ...tAt,
          message: `priority ${priority} does not rank above Elasticsearch's built-in "logs" template (logs-*-*, priority ${builtInLogsPriority})`,
          hint: `set "priority" above ${builtInLogsPriority}: equal priorities with overlapping patterns are rejected`,
        }),
      );
    }
  }
  return problems;
}

/** The index an event of 2026-11-26 would go to (Joda year, month, day tokens); a field reference stays "x". */
function sampleIndexName(index: string): string {
  return sprintfParts(index)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'date' ? p.format.replace(/y+|Y+/g, '2026').replace(/M+/g, '11').replace(/d+/g, '26') : p.kind === 'epoch' ? '1795651200' : 'x'))
    .join('');
}

function matchesWildcard(pattern: string, name: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(name);
}

export const logstashIndexTemplateCheck: Check<Workspace> = {
  id,
  description: 'the index template the elasticsearch outputs install is composable JSON, covers their indices and outranks the built-in logs template',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    if (!pipelines) return [];
    const seen = new Set<string>();
    // Two outputs installing the same template would report the same template problem twice.
    return pipelines
      .flatMap((p) => templateProblems(p.configs, (path) => ctx.workspace.text(path)))
      .filter((p) => {
        const key = `${p.file}:${p.line}:${p.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
  },
};
