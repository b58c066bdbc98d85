import { checkContext } from '../../../tests/support/check-context.js';
import { expect, test } from 'vitest';
import { incidentsCheck } from './incidents-check.js';

test('the incidents of fixtures/incidents load and cover every alert', async () => {
  const problems = await incidentsCheck.run(checkContext());
  expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
});
