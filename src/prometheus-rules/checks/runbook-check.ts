import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { SourceFiles } from '../../sources/source-files.js';
import type { RuleInventory } from '../rule-inventory.js';
import type { Workspace } from '../../workspace/workspace.js';

const id = 'alerts/runbook';
/** Where this repository is published: runbook URLs point into it. */
export const runbookBaseUrl = 'https://github.com/school-timetable/monitoring/blob/main/';
export const runbookDir = 'docs/runbooks';

/**
 * Every alert's runbook_url is `<base>docs/runbooks/<AlertName>.md` and that file exists in
 * this repository, so the link in a page at 3 a.m. leads somewhere.
 */
export function runbookProblems(inventory: RuleInventory, files: SourceFiles): Problem[] {
  const problems: Problem[] = [];
  for (const rule of inventory.alerts()) {
    const url = rule.annotations.runbook_url;
    if (!url) continue; // alerts/required-fields reports a missing one
    const line = inventory.files.find((f) => f.file === rule.file)?.valueLineOf([...rule.path, 'annotations', 'runbook_url']) ?? rule.line;
    const expected = `${runbookBaseUrl}${runbookDir}/${rule.name}.md`;
    if (!url.startsWith(runbookBaseUrl)) {
      problems.push(problem({ check: id, file: rule.file, line, message: `alert ${rule.name}: runbook_url ${url} does not point into this repository`, hint: `use ${expected}` }));
      continue;
    }
    const path = url.slice(runbookBaseUrl.length).split('#')[0]!;
    if (path !== `${runbookDir}/${rule.name}.md`) {
      problems.push(problem({ check: id, file: rule.file, line, message: `alert ${rule.name}: runbook_url names ${path}, not the alert's own runbook`, hint: `use ${expected}` }));
    }
    if (!files.exists(path)) {
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line,
          message: `alert ${rule.name}: runbook ${path} does not exist`,
          hint: `write ${path} (what it means, how to confirm, how to mitigate, when to escalate), or fix the URL`,
        }),
      );
    }
  }
  return problems;
}

export const runbookCheck: Check<Workspace> = {
  id,
  description: `every alert's runbook_url is ${runbookBaseUrl}${runbookDir}/<AlertName>.md and that file exists`,
  async run({ workspace }) {
    return runbookProblems(workspace.rules(), workspace);
  },
};
