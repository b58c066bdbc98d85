import type { TestProject } from 'vitest/node';
import { elkStack } from '../../src/log-stack/elk-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startRunStacks } from '../../src/stacks/start-run-stacks.js';

/** Starts Elasticsearch and Logstash once for the whole pipeline run (or shard) when a file names them; every test file shares them. */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startRunStacks(project, [elkStack as StackDefinition<unknown>]);
}
