import type { TestProject } from 'vitest/node';
import { grafanaStack } from '../../src/deploy/grafana-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startRunStacks } from '../../src/stacks/start-run-stacks.js';

/**
 * Starts the Grafana stack once for the deploy project when a file of the run (of the shard)
 * names it; it skips, with its reason, where Grafana's image is missing.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startRunStacks(project, [grafanaStack as StackDefinition<unknown>]);
}
