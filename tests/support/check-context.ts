import type { CheckContext } from '../../src/check/check.js';
import { repoRoot } from '../../src/sources/repo-files.js';
import { Workspace } from '../../src/workspace/workspace.js';

/**
 * A context for running one check in a test: a fresh Workspace on `root` (the repository by
 * default), with what the check reports and could not run kept for the test to read.
 */
export function checkContext(root = repoRoot): CheckContext<Workspace> & { reports: { title: string; body: string }[]; notRuns: { what: string; why: string }[] } {
  const reports: { title: string; body: string }[] = [];
  const notRuns: { what: string; why: string }[] = [];
  return {
    workspace: new Workspace(root),
    report: (title, body) => reports.push({ title, body }),
    notRun: (what, why) => notRuns.push({ what, why }),
    reports,
    notRuns,
  };
}
