import type { RuleEntry } from './rule-inventory.js';

/**
 * Whether an alert fires always, whatever the data: the Watchdog (`vector(1)`), a dead man's
 * switch. No input keeps it silent, and every Prometheus running the rules has it active.
 */
export function isAlwaysFiring(rule: Pick<RuleEntry, 'expr'>): boolean {
  return /^\s*vector\(\s*1\s*\)\s*$/.test(rule.expr);
}
