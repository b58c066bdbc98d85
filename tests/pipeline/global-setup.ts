import type { TestProject } from 'vitest/node';
import { elkStack } from '../../src/pipeline/elk-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import '../../src/stacks/require-stack.js';

/** Starts Elasticsearch and Logstash once for the whole pipeline run; every test file shares them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startStacks([elkStack as StackDefinition<unknown>]);
  project.provide('stacks', started.statuses);
  return started.stop;
}
