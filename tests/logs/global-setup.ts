import type { TestProject } from 'vitest/node';
import { jrubyStack } from '../../src/logstash/jruby/jruby-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import '../../src/stacks/require-stack.js';

/**
 * Starts one JRuby for the whole logs run (the pipeline's Ruby code runs on it); every test
 * file connects to it. Where it cannot start (no Docker, no image), its tests skip and say why.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startStacks([jrubyStack as StackDefinition<unknown>]);
  project.provide('stacks', started.statuses);
  return started.stop;
}
