import { setImmediate as nextTurn } from 'node:timers/promises';
import { ConfigError } from '../sources/config-error.js';
import type { SourceFiles } from '../sources/source-files.js';
import { prepareTools } from '../tools/tool-runner.js';
import type { Check, CheckContext } from './check.js';
import { configErrorProblem, type Problem } from './problem.js';
import { applySilences, type CopiedLines, filesToScan, loadSilences, type Silenced } from './silences.js';

export interface CheckRun {
  /** What stands: problems no silence covers, and problems with the silences themselves. */
  problems: Problem[];
  /** Problems a `check: ignore` comment covers, with its reason: listed, never counted. */
  silenced: Silenced[];
  reports: { title: string; body: string }[];
  /** `check` is the check that could not run (so its silences are not called stale). */
  notRun: { what: string; why: string; check: string }[];
}

export interface RunOptions {
  /** Every check id there is, so that a silence naming no check is an error (default: no such test). */
  knownIds?: readonly string[];
  /** Lines that copy another file, whose silences are the original's (the k8s ConfigMaps' data). */
  copiedLines?: CopiedLines;
}

/**
 * Runs checks side by side on one workspace (the tree they check, each source parsed once). A check that throws a ConfigError reports it as a problem
 * (a missing or unparsable file is a finding, not a crash); any other throw is a bug in
 * the check and is reported as such, naming the check.
 *
 * Most checks are synchronous CPU work; a few wait for promtool or amtool. So that the first
 * cannot starve the second on a busy machine, the tools are probed before any check starts,
 * and each check starts on a new turn of the event loop, after the loop has taken in what the
 * tools answered meanwhile. (Tool timeouts count free loop time only: run-process.ts.)
 */
export async function runChecks<W extends SourceFiles>(checks: readonly Check<W>[], workspace: W, options: RunOptions = {}): Promise<CheckRun> {
  const run: CheckRun = { problems: [], silenced: [], reports: [], notRun: [] };
  const ctxOf = (check: Check<W>): CheckContext<W> => ({
    workspace,
    report: (title: string, body: string) => run.reports.push({ title, body }),
    notRun: (what: string, why: string) => run.notRun.push({ what, why, check: check.id }),
  });
  await prepareTools();
  const pending: Promise<Problem[]>[] = [];
  const stopped = new Set<string>();
  for (const check of checks) {
    pending.push(runOne(check, ctxOf(check), () => stopped.add(check.id)));
    await nextTurn();
  }
  const found = (await Promise.all(pending)).flat();
  const root = workspace.root;
  const loaded = loadSilences(root, filesToScan(root, found), options.knownIds, options.copiedLines);
  // Only a check that ran to the end can say a silence of its own covers nothing.
  const ran = new Set(checks.map((c) => c.id).filter((id) => !stopped.has(id) && !run.notRun.some((n) => n.check === id)));
  const applied = applySilences(found, loaded.silences, ran);
  run.problems.push(...applied.problems, ...loaded.problems);
  run.silenced = applied.silenced;
  run.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return run;
}

async function runOne<W>(check: Check<W>, ctx: CheckContext<W>, stopped: () => void): Promise<Problem[]> {
  try {
    return await check.run(ctx);
  } catch (error) {
    stopped();
    if (error instanceof ConfigError) return [configErrorProblem(error, check.id)];
    const message = error instanceof Error ? error.message : String(error);
    return [{ check: check.id, file: '(harness)', message: `the check crashed: ${message}`, hint: 'this is a bug in the check; please report it with the output above', severity: 'error' as const }];
  }
}
