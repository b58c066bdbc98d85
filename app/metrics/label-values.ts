/**
 * Every distinct label value is a new time series that Prometheus keeps for weeks, so a value
 * that varies per request (an id, a SQL string, a raw URL) slowly takes the server down. These
 * guards reject such values at the call site, naming the value, the way prom-client names a
 * label it does not know.
 */

/** A short identifier: letters, digits, `_`, `.`, `-`; what cache names, tables, event types are. */
const bareWord = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const maxLength = 64;

export class MetricsUsageError extends TypeError {
  override name = 'MetricsUsageError';
}

/**
 * Returns `value` when it is a bare word fit for a label, else throws a MetricsUsageError
 * that says which call, which argument, the value itself, and what to pass instead.
 */
export function labelValue(call: string, argument: string, value: unknown, insteadHint: string): string {
  if (typeof value !== 'string') {
    throw new MetricsUsageError(`${call}: ${argument} must be a string, got ${describe(value)}; ${insteadHint}`);
  }
  if (value.length === 0 || value.length > maxLength || !bareWord.test(value)) {
    throw new MetricsUsageError(`${call}: ${argument} ${JSON.stringify(value)} is not a bare word (a letter or _, then letters, digits, _ . -; ` + `at most ${maxLength} characters); ${insteadHint}`);
  }
  return value;
}

/** Returns `value` when it is a whole number >= 0, else throws naming it. */
export function count(call: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new MetricsUsageError(`${call}: ${argument} must be a whole number >= 0, got ${describe(value)}`);
  }
  return value;
}

/** A value as it would read in code: strings quoted, the rest by type. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? 'an array' : `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
}
