import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { validateTemplatePutJson } from '../../elasticsearch/templates/put-template-json.js';
import { simpleMatch } from '../../elasticsearch/templates/index-pattern.js';
import { repoPathOf } from '../container-paths.js';
import type { PipelineConfig } from '../parser/ast.js';
import { attribute, pluginSites, scalarText } from '../walk.js';
import { knownClusters, othersDataStreams } from './known-clusters.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/template-clash';

/**
 * The index template our elasticsearch outputs PUT must be accepted by Elasticsearch 8.17 on
 * every cluster of known-clusters.ts (validateTemplatePutJson models MetadataIndexTemplateService:
 * same priority with overlapping patterns, data streams that would stop matching a data
 * stream template), on a restart too (template_overwrite puts it again), and none of its
 * patterns may match a data stream name other shippers use.
 */
export function templateClashProblems(configs: readonly PipelineConfig[], read: (path: string) => string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { plugin, kind } of pluginSites(configs)) {
    if (kind !== 'output' || plugin.name !== 'elasticsearch' || scalarText(attribute(plugin, 'manage_template')?.value) === 'false') continue;
    const repo = repoPathOf(scalarText(attribute(plugin, 'template')?.value) ?? '');
    const name = scalarText(attribute(plugin, 'template_name')?.value) ?? 'logstash';
    if (!repo || seen.has(`${repo} ${name}`)) continue;
    seen.add(`${repo} ${name}`);
    const text = read(repo);
    let body: { index_patterns?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      continue; // logstash/index-template reports it
    }
    const lineOf = (key: string) => Math.max(1, text.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1);
    for (const cluster of knownClusters) {
      for (const [when, state] of [
        ['', cluster.state],
        [' once it is installed (a restart: template_overwrite puts it again)', { ...cluster.state, templates: { ...cluster.state.templates, [name]: body } }],
      ] as const) {
        const put = validateTemplatePutJson(state, name, body);
        if (!put.ok) {
          problems.push(
            problem({
              check: id,
              file: repo,
              line: lineOf('priority'),
              message: `on ${cluster.name}${when}, Elasticsearch refuses PUT _index_template/${name} (400 ${put.error.type}: ${put.error.reason}); the output then stops the pipeline at every start`,
              hint: 'give the template index_patterns that only our own index names match (no logs-*-* data stream), and a priority no overlapping template has',
            }),
          );
          break;
        }
      }
    }
    const patterns = Array.isArray(body.index_patterns) ? body.index_patterns.map(String) : [];
    const captured = othersDataStreams.filter((ds) => patterns.some((p) => simpleMatch(p, ds)));
    if (captured.length > 0) {
      problems.push(
        problem({
          check: id,
          file: repo,
          line: lineOf('index_patterns'),
          message: `index_patterns ${JSON.stringify(patterns)} match data streams other shippers write (${captured.join(', ')}): where our template outranks theirs, their first write creates a plain index with our mapping instead of a data stream`,
          hint: 'narrow the patterns to our own index names',
        }),
      );
    }
  }
  return problems;
}

export const logstashTemplateClashCheck: Check<Workspace> = {
  id,
  description: 'the index template is accepted on clusters shared with Fleet, Agent, APM and OTel, and takes none of their data streams',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => templateClashProblems(p.configs, (path) => ctx.workspace.text(path))) : [];
  },
};
