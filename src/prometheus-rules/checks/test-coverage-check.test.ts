import { checkContext } from '../../../tests/support/check-context.js';
import { expect, test } from 'vitest';
import { testCoverageCheck } from './test-coverage-check.js';

test('the canonical rules are all covered by scenarios that load', async () => {
  const problems = await testCoverageCheck.run(checkContext());
  expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
});
