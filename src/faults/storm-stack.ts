import { alertingStackWith, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import type { StackDefinition } from '../stacks/stack.js';

/**
 * The storm test's own Alertmanager: canonical config and templates, delivering under
 * /faults-storm on the capture server. Its own, so 1,200 alerts neither slow the routing tests'
 * Alertmanager nor meet the receiver test's failing PagerDuty on the faults one. Timers ÷10, not
 * ÷100: the critical group_wait stays 100ms (÷100: 10ms), long enough for Alertmanager to take
 * in a storm's batch on an idle machine, so the count on the receiver reads as on-call's would;
 * group_interval 6s (critical) and 30s (warning) keep the test within a minute or two.
 */
export const stormStack: StackDefinition<AlertingStackInfo> = alertingStackWith('faults-storm', '/faults-storm', { timeFactor: 10 });
