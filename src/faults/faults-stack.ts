import { randomBytes } from 'node:crypto';
import { prometheusSettings } from '../rules/prometheus-config.js';
import { alertingStackWith, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { StackDefinition } from '../stacks/stack.js';
import { testPrometheusConfig } from '../e2e/test-prometheus-config.js';
import { scrapeFaithfulTiming, type PrometheusTiming } from '../e2e/test-timing.js';

export interface FaultsStackInfo {
  alerting: AlertingStackInfo;
  prometheusUrl: string;
  /** The external `cluster` label of its Prometheus; tests post their alerts in it too. */
  cluster: string;
  timing: PrometheusTiming;
}

const alertmanagerName = 'faults-alertmanager';

/**
 * The fault tests' own Alertmanager (canonical config and templates, routing timers ÷100,
 * delivering under /faults on the capture server) and a Prometheus with the canonical rules
 * that scrapes it as prometheus.yml's `alertmanager` job, and nothing else: what
 * AlertmanagerNotificationsFailing needs. Their own, because a fault test breaks the receivers,
 * and the end-to-end tests running beside it must not lose their pages.
 */
export const faultsStack: StackDefinition<FaultsStackInfo> = {
  key: 'faults',
  async start(shared) {
    const alerting = await alertingStackWith('faults', '/faults', { name: alertmanagerName }).start(shared);
    const cluster = `faults-${randomBytes(3).toString('hex')}`;
    const timing = scrapeFaithfulTiming(prometheusSettings());
    const jobs = Object.fromEntries(
      prometheusSettings().scrapeJobs.map((job) => [job, job === 'alertmanager' ? [`${alertmanagerName}:9093`] : { drop: 'the fault tests watch only their Alertmanager' }]),
    );
    const copy = testPrometheusConfig({ cluster, alertmanagers: [`${alertmanagerName}:9093`], jobs, timing });
    const prometheus = await shared.network.start(prometheusSpec({ name: 'faults-prometheus', config: copy.config, files: copy.ruleFiles, flags: copy.flags }));
    return { info: { alerting: alerting.info, prometheusUrl: prometheus.url(9090), cluster, timing }, stop: alerting.stop };
  },
};
