import type { Workspace } from '../../workspace/workspace.js';
import type { Check, CheckContext } from '../../check/check.js';
import type { Problem } from '../../check/problem.js';
import { runTool, ToolUnavailableError } from '../../tools/tool-runner.js';
import type { SourceFiles } from '../../sources/source-files.js';
import { prometheusConfigFile } from '../prometheus-config.js';
import { promtoolProblems } from './promtool-output.js';

const id = 'prometheus/promtool';

/**
 * `promtool check config --syntax-only` on prometheus.yml, as Problems. The rule files it
 * names are rules/promtool's to check; checking them here too would report each error twice.
 */
export async function promtoolConfigProblems(file: string, sources: SourceFiles, ctx?: CheckContext): Promise<Problem[] | undefined> {
  try {
    const result = await runTool('promtool', ['check', 'config', '--syntax-only', file], sources.root);
    if (result.exitCode === 0) return [];
    return promtoolProblems(`${result.stdout}\n${result.stderr}`, [file], id, 'fix the field at that line (see https://prometheus.io/docs/prometheus/2.42/configuration/configuration/)', sources);
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    ctx?.notRun('promtool check config', error.message);
    return undefined;
  }
}

export const promtoolConfigCheck: Check<Workspace> = {
  id,
  description: 'monitoring/prometheus.yml passes `promtool check config --syntax-only`',
  async run(ctx) {
    return (await promtoolConfigProblems(prometheusConfigFile, ctx.workspace, ctx)) ?? [];
  },
};
