import type { Workspace } from '../../workspace/workspace.js';
import type { Check, CheckContext } from '../../check/check.js';
import type { Problem } from '../../check/problem.js';
import { runTool, ToolUnavailableError } from '../../tools/tool-runner.js';
import type { SourceFiles } from '../../sources/source-files.js';
import { promtoolProblems } from './promtool-output.js';

const id = 'rules/promtool';

/** `promtool check rules` on the given files, as Problems; undefined when promtool can't run here. */
export async function promtoolRulesProblems(files: readonly string[], sources: SourceFiles, ctx?: CheckContext): Promise<Problem[] | undefined> {
  try {
    const result = await runTool('promtool', ['check', 'rules', ...files], sources.root);
    if (result.exitCode === 0) return [];
    return promtoolProblems(`${result.stdout}\n${result.stderr}`, files, id, 'fix the rule at that line; `promtool check rules <file>` shows the same', sources);
  } catch (error) {
    if (!(error instanceof ToolUnavailableError)) throw error;
    ctx?.notRun('promtool check rules', error.message);
    return undefined;
  }
}

export const promtoolRulesCheck: Check<Workspace> = {
  id,
  description: 'the rule files prometheus.yml loads pass `promtool check rules` (syntax, PromQL, names, duplicates)',
  async run(ctx) {
    return (await promtoolRulesProblems(ctx.workspace.prometheus().ruleFiles, ctx.workspace, ctx)) ?? [];
  },
};
