import type { TestProject } from 'vitest/node';
import { integrationStacks } from '../../src/stacks/integration-stacks.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import '../../src/stacks/require-stack.js';

/** Starts the integration stacks once for the whole run; every test file shares them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startStacks(integrationStacks);
  project.provide('stacks', started.statuses);
  return started.stop;
}
