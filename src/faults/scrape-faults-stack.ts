import { randomBytes } from 'node:crypto';
import { CaptureClient } from '../capture/capture-client.js';
import { scrapeFaithfulTiming, type PrometheusTiming } from '../e2e/test-timing.js';
import { testPrometheusConfig } from '../e2e/test-prometheus-config.js';
import { hostFromEngines } from '../engines/engine.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { startAlertmanager, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { StackDefinition } from '../stacks/stack.js';
import { startStandInControl } from './stand-in-control.js';
import { StandInTarget, type TargetMode } from './stand-in-target.js';

/** Stand-in targets of the scrape-fault tests, by the scrape job of prometheus.yml they play. */
export const scrapeFaultTargets = ['timetable-app', 'node-exporter', 'mysqld-exporter', 'cadvisor'] as const;
export type ScrapeFaultTarget = (typeof scrapeFaultTargets)[number];

export interface ScrapeFaultsStackInfo {
  alerting: AlertingStackInfo;
  prometheusUrl: string;
  cluster: string;
  timing: PrometheusTiming;
  controlUrl: string;
  /** Each stand-in's `instance` label (host.docker.internal:<port>). */
  instances: Record<ScrapeFaultTarget, string>;
  /** The capture server's mark, and the time, when the stack started: its receiver timeline begins there. */
  startMark: number;
  startedAtMs: number;
}

/**
 * What each stand-in exports while it answers: the signals CriticalSignalAbsent reads for its job
 * (so a healthy stand-in is quiet), and nothing any other alert could fire on.
 */
function expositions(): Record<ScrapeFaultTarget, () => string> {
  let probes = 0;
  return {
    // The deployment's probes poll /health every few seconds; each poll counts its checks.
    'timetable-app': () => `# TYPE health_checks_total counter\nhealth_checks_total{check="database",result="pass"} ${++probes}\n`,
    'node-exporter': () => '# TYPE node_filesystem_avail_bytes gauge\nnode_filesystem_avail_bytes{device="/dev/vda1",fstype="ext4",mountpoint="/"} 5.0e+10\n',
    'mysqld-exporter': () => '# TYPE mysql_up gauge\nmysql_up 1\n',
    cadvisor: () => '# TYPE cadvisor_version_info gauge\ncadvisor_version_info{cadvisorVersion="stand-in"} 1\n',
  };
}

/**
 * How each stand-in starts. mysqld-exporter answers garbage from the first scrape, so its
 * `mysql_up` has never existed: CriticalSignalAbsent's absence term for it is true all along, and
 * only the rule's `up == 1` guard keeps it quiet (the case docs/runbooks/CriticalSignalAbsent.md
 * leaves to TargetDown). The others start healthy; the tests break them.
 */
const initialModes: Record<ScrapeFaultTarget, TargetMode> = { 'timetable-app': 'serve', 'node-exporter': 'serve', 'mysqld-exporter': 'garbage', cadvisor: 'serve' };

/**
 * The scrape-fault tests' own Prometheus (canonical prometheus.yml and rules, time ÷6 as the live
 * end to end) scraping stand-in targets served by the harness in place of the application and the
 * exporters, and its own Alertmanager (canonical config, routing timers ÷ the same factor, so the
 * ratio of `for` to group_wait is production's). Its own, because these tests take targets down.
 */
export const scrapeFaultsStack: StackDefinition<ScrapeFaultsStackInfo> = {
  key: 'faults-scrape',
  async start(shared) {
    const timing = scrapeFaithfulTiming(prometheusSettings());
    const startMark = await new CaptureClient(shared.capture.url).mark();
    const startedAtMs = Date.now();
    const bodies = expositions();
    const entries = await Promise.all(scrapeFaultTargets.map(async (name) => [name, await StandInTarget.start(bodies[name], initialModes[name])] as const));
    const targets = Object.fromEntries(entries) as Record<ScrapeFaultTarget, StandInTarget>;
    const stopTargets = () => Promise.all(entries.map(([, t]) => t.stop())).then(() => undefined);
    try {
      const alertmanagerName = 'faults-scrape-alertmanager';
      const { info: alerting } = await startAlertmanager(shared, 'faults-scrape', '/faults-scrape', { name: alertmanagerName, timeFactor: timing.ruleFactor });
      const instances = Object.fromEntries(entries.map(([name, t]) => [name, `${hostFromEngines}:${t.port}`])) as Record<ScrapeFaultTarget, string>;
      const cluster = `faults-scrape-${randomBytes(3).toString('hex')}`;
      const jobs = { ...Object.fromEntries(entries.map(([name]) => [name, [instances[name]]])), prometheus: ['localhost:9090'], alertmanager: [`${alertmanagerName}:9093`] };
      const copy = testPrometheusConfig({ cluster, alertmanagers: [`${alertmanagerName}:9093`], jobs, timing });
      const prometheus = await shared.network.start(
        prometheusSpec({ name: 'faults-scrape-prometheus', config: copy.config, files: copy.ruleFiles, flags: copy.flags, alertmanagers: copy.alertmanagers }),
      );
      const control = await startStandInControl({ targets });
      return {
        info: { alerting, prometheusUrl: prometheus.url(9090), cluster, timing, controlUrl: control.url, instances, startMark, startedAtMs },
        // The network stops the engines.
        stop: async () => {
          await control.stop();
          await stopTargets();
        },
      };
    } catch (error) {
      await stopTargets();
      throw error;
    }
  },
};
