import type { Workspace } from '../../workspace/workspace.js';
import type { Check, CheckContext } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { SourceFiles } from '../../sources/source-files.js';
import type { YamlFile } from '../../sources/yaml-file.js';
import { runToolOnText } from '../../tools/run-tool-on-text.js';
import { ToolUnavailableError } from '../../tools/tool-runner.js';
import { alertmanagerConfigFile } from '../alertmanager-config.js';
import { alertmanagerMounts } from '../mount-paths.js';

const id = 'alertmanager/amtool';
const hint = 'fix the field at that line (fields of 0.25: https://prometheus.io/docs/alerting/0.25/configuration/)';

/**
 * `amtool check-config` on alertmanager.yml, as Problems at file:line. The config names its
 * templates where the deployment mounts them (/etc/alertmanager/templates/); amtool checks a
 * copy whose template glob points at the repo's folder instead, so the templates are parsed
 * too. Only that string changes, so line numbers stay those of the real file. (Parsing is all
 * amtool does with templates: one that fails while rendering passes; the routing tests catch it.)
 */
export async function amtoolCheckConfigProblems(sources: SourceFiles, file = alertmanagerConfigFile, ctx?: CheckContext, templatesDir: string = alertmanagerMounts.templates.repo): Promise<Problem[]> {
  const yaml = sources.yaml(file, 'the Alertmanager configuration');
  try {
    const result = await runToolOnText('amtool', 'alertmanager.yml', withRepoTemplates(yaml, sources.path(templatesDir)), (copy) => ['check-config', copy], sources.root);
    if (result.exitCode === 0) return [];
    return amtoolProblems(`${result.stdout}\n${result.stderr}`, yaml, sources.display(templatesDir));
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    ctx?.notRun('amtool check-config', error.message);
    return [];
  }
}

/** The config with its template globs pointing at `templatesPath` (absolute) instead of the mount. */
function withRepoTemplates(yaml: YamlFile, templatesPath: string): string {
  const lines = [...yaml.lines];
  const templates = (yaml.data as { templates?: unknown } | null)?.templates;
  (Array.isArray(templates) ? templates : []).forEach((glob, i) => {
    const line = yaml.valueLineOf(['templates', i]);
    const prefix = `${alertmanagerMounts.templates.container}/`;
    if (line === undefined || typeof glob !== 'string' || !glob.startsWith(prefix)) return;
    lines[line - 1] = lines[line - 1]!.replace(prefix, `${templatesPath}/`);
  });
  return lines.join('\n');
}

/**
 * amtool's complaints, in the shapes 0.25 prints them:
 *   FAILED: yaml: unmarshal errors:\n  line 31: field group_wiat not found in type config.plain
 *   FAILED: yaml: line 29: could not find expected ':'
 *   FAILED: undefined receiver "slack-infos" used in route      (no line: the quoted value's line)
 *   FAILED: template: common.tmpl:12: function "x" not defined  (in the template file)
 * Anything else is kept whole against the config file, never dropped.
 */
export function amtoolProblems(output: string, yaml: YamlFile, templatesDir: string = alertmanagerMounts.templates.repo): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number | undefined, message: string, file = yaml.file) => problems.push(problem({ check: id, file, line, message, hint }));
  let inUnmarshal = false;
  for (const raw of output.split('\n')) {
    const failed = /FAILED: (.*)$/.exec(raw)?.[1]?.trim();
    const listed = /^\s+line (\d+): (.*)$/.exec(raw);
    if (listed && inUnmarshal) {
      at(Number(listed[1]), listed[2]!);
      continue;
    }
    inUnmarshal = false;
    if (failed === undefined) continue;
    const yamlLine = /^yaml: line (\d+): (.*)$/.exec(failed);
    const template = /^template: ([^:]+):(\d+):(?:\d+:)? ?(.*)$/.exec(failed);
    if (failed === 'yaml: unmarshal errors:') inUnmarshal = true;
    else if (yamlLine) at(Number(yamlLine[1]), `YAML: ${yamlLine[2]}`);
    else if (template) at(Number(template[2]), template[3]!, `${templatesDir}/${template[1]}`);
    else at(lineOfQuoted(yaml, failed), failed);
  }
  if (problems.length === 0) at(undefined, `amtool check-config failed: ${output.trim().split('\n').slice(0, 5).join(' ')}`);
  return problems;
}

/** For `undefined receiver "x" used in route`, the first non-comment line holding x as a word. */
function lineOfQuoted(yaml: YamlFile, message: string): number | undefined {
  const quoted = /"([^"]+)"/.exec(message)?.[1];
  if (!quoted) return undefined;
  const word = new RegExp(`(^|[^\\w-])${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
  const index = yaml.lines.findIndex((l) => !l.trim().startsWith('#') && word.test(l));
  return index >= 0 ? index + 1 : undefined;
}

export const alertmanagerAmtoolCheck: Check<Workspace> = {
  id,
  description: 'monitoring/alertmanager.yml and its templates pass `amtool check-config` (0.25)',
  run: (ctx) => amtoolCheckConfigProblems(ctx.workspace, alertmanagerConfigFile, ctx),
};
