import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { logstashMounts, repoPathOf } from '../container-paths.js';
import type { PipelineConfig } from '../parser/ast.js';
import { attribute, pluginSites, stringsOf } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/referenced-files';

/** Options that name a file the plugin reads, by plugin. */
const fileOptions: Record<string, readonly string[]> = {
  ruby: ['path'],
  elasticsearch: ['template'],
  grok: ['patterns_dir'],
  multiline: ['patterns_dir'],
  geoip: ['database'],
  cidr: ['network_path'],
};

/**
 * A file the pipeline reads (a ruby script, the index template...) is named by its path in
 * the container. That path must be one the mounts provide (src/logstash/container-paths.ts,
 * which the test stack, compose and k8s follow), and the file must exist in the repository.
 */
export function referencedFileProblems(configs: readonly PipelineConfig[], exists: (path: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  for (const { plugin, config } of pluginSites(configs)) {
    for (const option of fileOptions[plugin.name] ?? []) {
      for (const { text, value } of stringsOf(attribute(plugin, option)?.value)) {
        const at = { check: id, file: config.file, line: value.pos.line, column: value.pos.column };
        if (text.includes('${')) continue;
        const repo = repoPathOf(text);
        if (!repo) {
          problems.push(
            problem({
              ...at,
              message: `${plugin.name} ${option} names ${text}, which no mount provides`,
              hint: `put the file under one of ${logstashMounts.map((m) => m.container).join(', ')} (src/logstash/container-paths.ts), or add a mount there and in compose and k8s`,
            }),
          );
        } else if (!exists(repo)) {
          problems.push(problem({ ...at, message: `${plugin.name} ${option} names ${text}, but ${repo} does not exist in the repository`, hint: `create ${repo}, or fix the path` }));
        }
      }
    }
  }
  return problems;
}

export const logstashReferencedFilesCheck: Check<Workspace> = {
  id,
  description: 'files the Logstash pipeline reads (ruby scripts, index template) are mounted and exist in the repository',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => referencedFileProblems(p.configs, (path) => ctx.workspace.exists(path))) : [];
  },
};
