import type { TestProject } from 'vitest/node';
import { grafanaStack } from '../../src/deploy/grafana-stack.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import '../../src/stacks/require-stack.js';

/** Starts the Grafana stack once for the deploy project (it skips, with its reason, where Grafana's image is missing). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startStacks([grafanaStack]);
  project.provide('stacks', started.statuses);
  return started.stop;
}
