import { randomBytes } from 'node:crypto';
import { scrapeFaithfulTiming, type PrometheusTiming } from '../e2e/test-timing.js';
import { testPrometheusConfig } from '../e2e/test-prometheus-config.js';
import { hostFromEngines } from '../engines/engine.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { startAlertmanager, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { StackDefinition } from '../stacks/stack.js';
import { HoveringGauge } from './hovering-gauge.js';
import { gaugeSerialMetric, startGaugeReconciler } from './gauge-reconciler.js';
import { startStandInControl } from './stand-in-control.js';
import { StandInTarget } from './stand-in-target.js';

export interface FlappingStackInfo {
  alerting: AlertingStackInfo;
  prometheusUrl: string;
  cluster: string;
  timing: PrometheusTiming;
  controlUrl: string;
  /** The application stand-in's pool size: db_connections_active = usage ratio × this. */
  poolSize: number;
}

const poolSize = 20;

/** The gauge reconciler's longest life: the stack starts with the run and stops at its end, and CI bounds a whole run at 90 minutes. */
const reconcilerLifetimeMs = 90 * 60_000;

/**
 * The flapping tests' own Prometheus (canonical prometheus.yml and rules, time ÷6 as the live end
 * to end) scraping one stand-in application whose connection pool usage a test programs
 * (hovering-gauge.ts, gauge `pool`), and its own Alertmanager (canonical config, routing timers ÷
 * the same factor, so `for` against group_interval is as in production). The exporters' jobs are
 * left out, so the only signal that moves is the application's pool; TargetMissing pages for the
 * dropped jobs (seen: mysqld-exporter and node-exporter at the start), which the test, counting
 * PoolExhausted only, leaves aside.
 *
 * The stand-in exports no pool metrics until a test programs the gauge: PoolExhausted reads a
 * 5-minute average (a window the compression leaves alone), and a fresh series makes that
 * average the test's own from its first sample. Beside the pool it exports the serial of each value
 * served, which the gauge reads back from Prometheus (gauge-reconciler.ts): on a starved machine a
 * scrape that times out stores nothing, and the gauge must steer what Prometheus holds, not what it
 * served. One flapping scenario per run of the stack.
 */
export const flappingStack: StackDefinition<FlappingStackInfo> = {
  key: 'faults-flapping',
  async start(shared) {
    const timing = scrapeFaithfulTiming(prometheusSettings());
    const pool = new HoveringGauge();
    let probes = 0;
    const app = await StandInTarget.start(() => {
      // health_checks_total as the deployment's probes make it: CriticalSignalAbsent stays quiet.
      const health = `# TYPE health_checks_total counter\nhealth_checks_total{check="database",result="pass"} ${++probes}\n`;
      const usage = pool.next(Date.now());
      if (usage === undefined) return health;
      const active = Math.round(usage.value * poolSize);
      // The serial tells the gauge which values Prometheus stored, and when (gauge-reconciler.ts).
      return `${health}# TYPE db_connections_active gauge\ndb_connections_active ${active}\n# TYPE db_connections_max gauge\ndb_connections_max ${poolSize}\n# TYPE ${gaugeSerialMetric} gauge\n${gaugeSerialMetric} ${usage.seq}\n`;
    });
    try {
      const alertmanagerName = 'faults-flapping-alertmanager';
      const { info: alerting } = await startAlertmanager(shared, 'faults-flapping', '/faults-flapping', { name: alertmanagerName, timeFactor: timing.ruleFactor });
      const cluster = `faults-flapping-${randomBytes(3).toString('hex')}`;
      const jobs = Object.fromEntries(
        prometheusSettings().scrapeJobs.map((job) => {
          if (job === 'timetable-app') return [job, [`${hostFromEngines}:${app.port}`]];
          if (job === 'prometheus') return [job, ['localhost:9090']];
          if (job === 'alertmanager') return [job, [`${alertmanagerName}:9093`]];
          return [job, { drop: 'the flapping tests watch only the application stand-in' }];
        }),
      );
      const copy = testPrometheusConfig({ cluster, alertmanagers: [`${alertmanagerName}:9093`], jobs, timing });
      const prometheus = await shared.network.start(
        prometheusSpec({ name: 'faults-flapping-prometheus', config: copy.config, files: copy.ruleFiles, flags: copy.flags, alertmanagers: copy.alertmanagers }),
      );
      const control = await startStandInControl({ targets: { app }, gauges: { pool } });
      const reconciler = startGaugeReconciler(pool, prometheus.url(9090), timing.scrapeIntervalMs, reconcilerLifetimeMs);
      return {
        info: { alerting, prometheusUrl: prometheus.url(9090), cluster, timing, controlUrl: control.url, poolSize },
        stop: async () => {
          await reconciler.stop();
          await control.stop();
          await app.stop();
        },
      };
    } catch (error) {
      await app.stop();
      throw error;
    }
  },
};
