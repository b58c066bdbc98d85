import { setImmediate as nextTurn } from 'node:timers/promises';
import { ConfigError } from '../config/config-error.js';
import { prepareTools } from '../tools/tool-runner.js';
import type { Check, CheckContext } from './check.js';
import type { Problem } from './problem.js';

export interface CheckRun {
  problems: Problem[];
  reports: { title: string; body: string }[];
  notRun: { what: string; why: string }[];
}

/**
 * Runs checks side by side. A check that throws a ConfigError reports it as a problem
 * (a missing or unparsable file is a finding, not a crash); any other throw is a bug in
 * the check and is reported as such, naming the check.
 *
 * Most checks are synchronous CPU work; a few wait for promtool or amtool. So that the first
 * cannot starve the second on a busy machine, the tools are probed before any check starts,
 * and each check starts on a new turn of the event loop, after the loop has taken in what the
 * tools answered meanwhile. (Tool timeouts count free loop time only: run-process.ts.)
 */
export async function runChecks(checks: readonly Check[]): Promise<CheckRun> {
  const run: CheckRun = { problems: [], reports: [], notRun: [] };
  const ctx = {
    report: (title: string, body: string) => run.reports.push({ title, body }),
    notRun: (what: string, why: string) => run.notRun.push({ what, why }),
  };
  await prepareTools();
  const pending: Promise<Problem[]>[] = [];
  for (const check of checks) {
    pending.push(runOne(check, ctx));
    await nextTurn();
  }
  for (const problems of await Promise.all(pending)) run.problems.push(...problems);
  run.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return run;
}

async function runOne(check: Check, ctx: CheckContext): Promise<Problem[]> {
  try {
    return await check.run(ctx);
  } catch (error) {
    if (error instanceof ConfigError) return [error.toProblem(check.id)];
    const message = error instanceof Error ? error.message : String(error);
    return [{ check: check.id, file: '(harness)', message: `the check crashed: ${message}`, hint: 'this is a bug in the check; please report it with the output above', severity: 'error' as const }];
  }
}
