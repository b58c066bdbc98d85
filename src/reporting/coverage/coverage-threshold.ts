/** The variable that sets the threshold, documented in the README ("Coverage"). */
export const thresholdVariable = 'HARNESS_COVERAGE_MIN';

/**
 * The lowest coverage, in percent, that a measured section may show before the run fails:
 * HARNESS_COVERAGE_MIN (0 to 100; 0 reports without failing), 100 by default: every alert, route,
 * receiver and inhibition rule is exercised by the suite today, so any drop is news.
 */
export function coverageThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[thresholdVariable];
  if (text === undefined || text.trim() === '') return 100;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100)
    throw new Error(`${thresholdVariable}="${text}" is not a percentage: set it to a number from 0 (report only) to 100 (everything covered, the default)`);
  return value;
}
