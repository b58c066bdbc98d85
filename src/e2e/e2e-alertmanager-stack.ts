import { testAlertmanagerConfig } from '../alertmanager/test-alertmanager-config.js';
import type { AlertingStackInfo } from '../stacks/alerting-stack.js';
import { alertmanagerSpec } from '../stacks/alertmanager-spec.js';
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
export const e2eAlertmanagerStack: StackDefinition<AlertingStackInfo> = {
  key: 'e2e-alertmanager',
  async start({ network, capture, captureFromEngines }) {
    const prepared = testAlertmanagerConfig({ captureFromEngines, pathPrefix: '/e2e', timeFactor: ruleTimeFactor });
    const alertmanager = await network.start(alertmanagerSpec({ name, config: prepared.config, files: prepared.files }));
    return {
      info: {
        alertmanagerUrl: alertmanager.url(9093),
        captureUrl: capture.url,
        slackPath: prepared.slackPath,
        pagerdutyPath: prepared.pagerdutyPath,
        routingKey: prepared.routingKey,
        timeFactor: ruleTimeFactor,
        // alertmanagerSpec sets --web.external-url from the name.
        externalUrl: `http://${name}:9093`,
      },
      // The network stops its engines.
      stop: async () => undefined,
    };
  },
};
