import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { configErrorProblem } from '../../check/problem.js';
import { coverageCheckId } from '../coverage.js';
import { prepareSuite } from '../rule-suite.js';

/**
 * The rule tests' coverage without running them: an untested alert or recording rule, or a
 * scenario naming a rule that does not exist, or a scenario file that does not load.
 * (`npx vitest run --project rules` runs the scenarios with promtool.)
 */
export const testCoverageCheck: Check<Workspace> = {
  id: coverageCheckId,
  description: 'every alert and recording rule has rule tests under fixtures/rules (fires, stays silent, both sides of `for`); no test names an unknown rule',
  async run({ workspace }) {
    const suite = prepareSuite({ workspace });
    return [...suite.loadErrors.map((e) => configErrorProblem(e, coverageCheckId)), ...suite.coverage];
  },
};
