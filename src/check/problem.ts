import type { ConfigError } from '../sources/config-error.js';

/**
 * One finding of `check`: where it is, what is wrong, and what to change.
 * Every check reports through this shape so the CLI and the tests print them alike.
 */
export interface Problem {
  /** The check that found it, e.g. `alerts/required-labels`: also what a user names to look it up. */
  check: string;
  /** Path relative to the repository root. */
  file: string;
  /** 1-based; absent when the problem is about the file as a whole. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
  /** What to change. */
  hint?: string;
  severity: 'error' | 'warning';
}

export function problem(p: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }): Problem {
  return { severity: 'error', ...p };
}

/** A bad input as the finding of check `check`: its position, its reason and its hint. */
export function configErrorProblem(error: ConfigError, check: string): Problem {
  return { check, file: error.file, line: error.line, column: error.column, message: error.reason, hint: error.hint, severity: 'error' };
}
