import type { StackDefinition } from './stack.js';
import { smokeStack } from './smoke-stack.js';
import { alertingStack, brokenTemplateAlertingStack } from './alerting-stack.js';
import { e2eStacks } from '../e2e/e2e-stacks.js';
import { faultsStack } from '../faults/faults-stack.js';
import { stormStack } from '../faults/storm-stack.js';
import { prometheusRestartStack } from '../faults/prometheus-restart-stack.js';
import { flappingStack } from '../faults/flapping-stack.js';
import { scrapeFaultsStack } from '../faults/scrape-faults-stack.js';

/** Every stack the integration project starts, once per run. Add new ones here. */
export const integrationStacks: readonly StackDefinition<unknown>[] = [
  smokeStack as StackDefinition<unknown>,
  alertingStack as StackDefinition<unknown>,
  brokenTemplateAlertingStack as StackDefinition<unknown>,
  ...e2eStacks,
  faultsStack as StackDefinition<unknown>,
  stormStack as StackDefinition<unknown>,
  prometheusRestartStack as StackDefinition<unknown>,
  scrapeFaultsStack as StackDefinition<unknown>,
  flappingStack as StackDefinition<unknown>,
];
