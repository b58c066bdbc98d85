import type { Check } from './check.js';
import { configSyntaxCheck } from './config/config-syntax-check.js';

/**
 * Every check `npm run check` runs. Each lives in its own file under src/check/ or beside
 * the concept it checks; add new ones here.
 */
export const allChecks: readonly Check[] = [
  configSyntaxCheck,
];
