import { ConfigError } from '../config/config-error.js';
import type { Check } from './check.js';
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
 */
export async function runChecks(checks: readonly Check[]): Promise<CheckRun> {
  const run: CheckRun = { problems: [], reports: [], notRun: [] };
  const ctx = {
    report: (title: string, body: string) => run.reports.push({ title, body }),
    notRun: (what: string, why: string) => run.notRun.push({ what, why }),
  };
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return await check.run(ctx);
      } catch (error) {
        if (error instanceof ConfigError) return [error.toProblem(check.id)];
        const message = error instanceof Error ? error.message : String(error);
        return [{ check: check.id, file: '(harness)', message: `the check crashed: ${message}`, hint: 'this is a bug in the check; please report it with the output above', severity: 'error' as const }];
      }
    }),
  );
  for (const problems of results) run.problems.push(...problems);
  run.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return run;
}
