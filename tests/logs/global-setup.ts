import type { TestProject } from 'vitest/node';
import { jrubyStack } from '../../src/logstash/jruby/jruby-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startRunStacks } from '../../src/stacks/start-run-stacks.js';

/**
 * Starts one JRuby for the whole logs run (the pipeline's Ruby code runs on it), when a file
 * of the run (of the shard) names it; every such file connects to it. Where it cannot start
 * (no Docker, no image), its tests skip and say why.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return startRunStacks(project, [jrubyStack as StackDefinition<unknown>]);
}
