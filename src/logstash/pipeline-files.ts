import { posix } from 'node:path';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import { repoPathOf } from './container-paths.js';
import type { PipelineConfig } from './parser/ast.js';
import { parseConfig } from './parser/parse-config.js';

export const pipelinesFile = 'monitoring/logstash/config/pipelines.yml';

export interface Pipeline {
  id: string;
  /** Its configs in the order Logstash concatenates them (by file name). */
  configs: PipelineConfig[];
  /** The line of its entry in pipelines.yml. */
  line?: number;
}

/**
 * The pipelines pipelines.yml declares, each with its config files read from the repository
 * (path.config names container paths; container-paths.ts maps them). A syntax error in a
 * config throws its ConfigError at file:line:col. `files` is the tree they are read from (a
 * Workspace's, which reads each file once; by default the repository, read afresh).
 */
export function loadPipelines(file = pipelinesFile, files = new SourceFiles(repoRoot)): Pipeline[] {
  const yaml = files.yaml(file, 'the Logstash pipeline list');
  const entries = yaml.data;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ConfigError(yaml.file, 'pipelines.yml declares no pipeline', 'write a list of entries with pipeline.id and path.config', 1);
  }
  return entries.map((entry: Record<string, unknown>, i) => {
    const line = yaml.lineOf([i]);
    const id = entry?.['pipeline.id'];
    const pathConfig = entry?.['path.config'];
    if (typeof id !== 'string' || typeof pathConfig !== 'string') {
      throw new ConfigError(
        yaml.file,
        `pipeline entry ${i + 1} needs pipeline.id and path.config`,
        'config.string pipelines cannot be checked here: keep the config in a file under monitoring/logstash/pipeline/',
        line,
      );
    }
    const configs = configFiles(files, pathConfig, yaml.file, yaml.lineOf([i, 'path.config']));
    return { id, configs: configs.map((f) => parseConfig(f, files.text(f))), line };
  });
}

/** The repo files a path.config glob names (a directory means every file in it). */
function configFiles(files: SourceFiles, pathConfig: string, file: string, line?: number): string[] {
  const hasGlob = /[*?]/.test(pathConfig);
  const dir = hasGlob ? posix.dirname(pathConfig) : pathConfig;
  const pattern = hasGlob ? posix.basename(pathConfig) : '*';
  const repoDir = repoPathOf(dir);
  if (!repoDir || !files.exists(repoDir)) {
    throw new ConfigError(
      file,
      `path.config ${pathConfig} is not a directory any mount provides`,
      'point it under /usr/share/logstash/pipeline (monitoring/logstash/pipeline/ in the repository)',
      line,
    );
  }
  const matcher = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '[^/]*')
      .replaceAll('?', '.')}$`,
  );
  const names = files.list(repoDir).filter((n) => matcher.test(n));
  if (names.length === 0) throw new ConfigError(file, `path.config ${pathConfig} matches no file in ${repoDir}/`, 'add the pipeline config there, or fix the pattern', line);
  return names.map((n) => `${repoDir}/${n}`);
}
