import type { TestProject } from 'vitest/node';
import { integrationStacks } from '../../src/stacks/integration-stacks.js';
import { startRunStacks } from '../../src/stacks/start-run-stacks.js';

/**
 * Starts, once for the whole run, the integration stacks its files name in their `// @stacks`
 * line (under --shard, the shard's files), within those HARNESS_STACKS selects; every test file shares them.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startRunStacks(project, integrationStacks, { selectable: true });
}
