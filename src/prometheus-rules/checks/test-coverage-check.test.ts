import { expect, test } from 'vitest';
import { testCoverageCheck } from './test-coverage-check.js';

test('the canonical rules are all covered by scenarios that load', async () => {
  const problems = await testCoverageCheck.run({ report: () => undefined, notRun: () => undefined });
  expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
});
