import type { Problem } from './problem.js';

/**
 * One unit of `check`: an id (what a user names to run or look it up), a one-line
 * description, and a run that returns its problems. A check may also hand the CLI a
 * report to print (e.g. the Logstash index routing table) through `ctx.report`.
 *
 * `W` is what the check reads its sources from: the domain's Workspace (src/workspace/), which
 * loads and parses each file once for all checks. The framework only carries it, so it stays
 * below the domain that defines it.
 */
export interface Check<W = unknown> {
  id: string;
  description: string;
  run(ctx: CheckContext<W>): Promise<Problem[]>;
}

export interface CheckContext<W = unknown> {
  /** The parsed sources of the tree being checked; a check never opens a file itself. */
  workspace: W;
  /** Prints a titled block of information after the problems (tables, summaries). */
  report(title: string, body: string): void;
  /** Records that something could not be checked here and why (e.g. no promtool, no Docker). */
  notRun(what: string, why: string): void;
}
