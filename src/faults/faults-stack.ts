import { randomBytes } from 'node:crypto';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { startStackControl } from '../e2e/stack-control.js';
import { startAlertmanager, type AlertingStackInfo } from '../stacks/alerting-stack.js';
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
  /**
   * Alertmanagers the restart tests stop and start (stack-control.ts, engines named by key):
   * `onVolume` keeps /alertmanager on its disk across a restart, as compose's named volume and
   * k8s's PersistentVolumeClaim do; `inMemory` holds it in tmpfs, as a deployment without a
   * volume loses it when its container or pod is recreated.
   */
  restart: { onVolume: AlertingStackInfo; inMemory: AlertingStackInfo; controlUrl: string };
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
    const [alerting, onVolume, inMemory] = await Promise.all([
      startAlertmanager(shared, 'faults', '/faults', { name: alertmanagerName }),
      // Timers ÷10, not ÷100: the critical repeat_interval (1h) must outlast a restart on a loaded
      // machine (÷100 it is 36s), or a re-sent page would be the repeat, not a lost log.
      startAlertmanager(shared, 'restart-volume', '/faults-restart-volume', { timeFactor: 10 }),
      startAlertmanager(shared, 'restart-memory', '/faults-restart-memory', { timeFactor: 10, storageInMemory: true }),
    ]);
    const control = await startStackControl({ engines: { 'restart-volume': onVolume.engine, 'restart-memory': inMemory.engine } });
    const cluster = `faults-${randomBytes(3).toString('hex')}`;
    const timing = scrapeFaithfulTiming(prometheusSettings());
    const jobs = Object.fromEntries(
      prometheusSettings().scrapeJobs.map((job) => [job, job === 'alertmanager' ? [`${alertmanagerName}:9093`] : { drop: 'the fault tests watch only their Alertmanager' }]),
    );
    const copy = testPrometheusConfig({ cluster, alertmanagers: [`${alertmanagerName}:9093`], jobs, timing });
    const prometheus = await shared.network.start(prometheusSpec({ name: 'faults-prometheus', config: copy.config, files: copy.ruleFiles, flags: copy.flags, alertmanagers: copy.alertmanagers }));
    return {
      info: { alerting: alerting.info, prometheusUrl: prometheus.url(9090), cluster, timing, restart: { onVolume: onVolume.info, inMemory: inMemory.info, controlUrl: control.url } },
      // The network stops the engines.
      stop: () => control.stop(),
    };
  },
};
