import type { TestProject } from 'vitest/node';
import { integrationStacks } from '../../src/stacks/integration-stacks.js';
import { selectStacks } from '../../src/stacks/select-stacks.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import '../../src/stacks/require-stack.js';

/** Starts the integration stacks (or those HARNESS_STACKS selects) once for the whole run; every test file shares them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const selected = selectStacks(integrationStacks);
  const started = await startStacks(selected.start);
  project.provide('stacks', { ...selected.skipped, ...started.statuses });
  return started.stop;
}
