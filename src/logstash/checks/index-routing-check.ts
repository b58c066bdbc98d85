import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { PipelineConfig } from '../parser/ast.js';
import { sprintfParts } from '../parser/sprintf.js';
import { attribute, describeGuards, pluginSites, scalarText } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/index-routing';

export interface Route {
  index: string;
  when: string;
  /** Where the date in the name comes from. */
  date: string;
  file: string;
  line: number;
}

/** Which events go to which Elasticsearch index: one row per elasticsearch output. */
export function indexRoutes(configs: readonly PipelineConfig[]): { routes: Route[]; problems: Problem[] } {
  const routes: Route[] = [];
  const problems: Problem[] = [];
  for (const site of pluginSites(configs)) {
    if (site.kind !== 'output' || site.plugin.name !== 'elasticsearch') continue;
    const at = { check: id, file: site.config.file, line: site.plugin.pos.line, column: site.plugin.pos.column };
    const index = scalarText(attribute(site.plugin, 'index')?.value);
    if (index === undefined) {
      problems.push(
        problem({ ...at, message: 'this elasticsearch output names no index, so the plugin picks one (a data stream in 8.x)', hint: 'set index => "name-%{+YYYY.MM.dd}"', severity: 'warning' }),
      );
      continue;
    }
    const parts = sprintfParts(index);
    const dates = parts.filter((p) => p.kind === 'date');
    const fields = parts.filter((p) => p.kind === 'field');
    const literal = parts
      .filter((p) => p.kind === 'text')
      .map((p) => (p as { text: string }).text)
      .join('');
    if (literal !== literal.toLowerCase()) {
      problems.push(
        problem({
          ...at,
          line: attribute(site.plugin, 'index')!.pos.line,
          message: `index "${index}" has upper-case letters; Elasticsearch rejects such index names`,
          hint: 'write the index name in lower case (the date format letters inside %{+...} may stay)',
        }),
      );
    }
    if (fields.length > 0) {
      problems.push(
        problem({
          ...at,
          line: attribute(site.plugin, 'index')!.pos.line,
          message: `index "${index}" takes part of its name from event fields (${fields.map((f) => (f as { reference: string }).reference).join(', ')}): any sender can create indices`,
          hint: 'route with conditionals to fixed index names instead',
          severity: 'warning',
        }),
      );
    }
    const date = dates.length ? `@timestamp in UTC, formatted ${dates.map((d) => (d as { format: string }).format).join(', ')}` : 'none (one index for all time)';
    routes.push({ index, when: describeGuards(site.guards), date, file: site.config.file, line: site.plugin.pos.line });
  }
  return { routes, problems };
}

export function formatRoutes(routes: readonly Route[]): string {
  const rows = [['index', 'events', 'date in the name', 'output at'], ...routes.map((r) => [r.index, r.when, r.date, `${r.file}:${r.line}`])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `  ${r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()}`,
    )
    .join('\n');
}

export const logstashIndexRoutingCheck: Check<Workspace> = {
  id,
  description: 'prints which events go to which Elasticsearch index; index names are lower case and not chosen by senders',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    if (!pipelines) return [];
    const problems: Problem[] = [];
    for (const pipeline of pipelines) {
      const { routes, problems: found } = indexRoutes(pipeline.configs);
      problems.push(...found);
      ctx.report(`Logstash index routing (pipeline ${pipeline.id}; an event goes to every row whose condition holds)`, routes.length ? formatRoutes(routes) : '  no elasticsearch output');
    }
    return problems;
  },
};
