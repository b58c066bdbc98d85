import { alertingStackWith, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import type { StackDefinition } from '../stacks/stack.js';
import { ruleTimeFactor } from './test-timing.js';

const name = 'e2e-alertmanager';

/** Where the end-to-end Prometheus servers (live and incidents) send their alerts. */
export const e2eAlertmanagerAddress = `${name}:9093`;

/**
 * The Alertmanager every end-to-end Prometheus sends to: the canonical monitoring/alertmanager.yml
 * made safe by test-alertmanager-config.ts (receivers point at the capture server under /e2e,
 * routing timers divided by the same factor as the rules' `for`). Each Prometheus has its own
 * `cluster` label, and alertmanager.yml groups and inhibits per cluster, so they share it
 * without seeing each other's alerts.
 */
export const e2eAlertmanagerStack: StackDefinition<AlertingStackInfo> = alertingStackWith('e2e-alertmanager', '/e2e', { name, timeFactor: ruleTimeFactor });
