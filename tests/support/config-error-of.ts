import { ConfigError } from '../../src/sources/config-error.js';

/**
 * For tests of bad input: runs `fn` and returns the ConfigError it throws. Anything else it
 * throws is rethrown, and not throwing at all is itself a failure, so a loader that wrongly
 * accepts bad input can't pass.
 */
export function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}
