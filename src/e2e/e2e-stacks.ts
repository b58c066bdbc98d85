import type { StackDefinition } from '../stacks/stack.js';
import { e2eAlertmanagerStack } from './e2e-alertmanager-stack.js';
import { incidentsStack } from './incidents/incidents-stack.js';
import { liveStack } from './live-stack.js';

/** The end-to-end stacks, for the integration project's globalSetup. */
export const e2eStacks: readonly StackDefinition<unknown>[] = [e2eAlertmanagerStack as StackDefinition<unknown>, liveStack as StackDefinition<unknown>, incidentsStack as StackDefinition<unknown>];
