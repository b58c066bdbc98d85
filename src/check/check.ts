import type { Problem } from './problem.js';

/**
 * One unit of `check`: an id (what a user names to run or look it up), a one-line
 * description, and a run that returns its problems. A check may also hand the CLI a
 * report to print (e.g. the Logstash index routing table) through `ctx.report`.
 */
export interface Check {
  id: string;
  description: string;
  run(ctx: CheckContext): Promise<Problem[]>;
}

export interface CheckContext {
  /** Prints a titled block of information after the problems (tables, summaries). */
  report(title: string, body: string): void;
  /** Records that something could not be checked here and why (e.g. no promtool, no Docker). */
  notRun(what: string, why: string): void;
}
