import { randomBytes } from 'node:crypto';
import { hostFromEngines, ImageMissingError, type EngineNetwork, type RunningEngine } from '../engines/engine.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { StackDefinition } from '../stacks/stack.js';
import { e2eAlertmanagerAddress } from './e2e-alertmanager-stack.js';
import { hostExampleApp } from './example-app-host.js';
import { cadvisorSpec, databaseSpec, liveEngineNames, mysqldExporterSpec, nodeExporterSpec } from './exporter-specs.js';
import { startStackControl } from './stack-control.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { testPrometheusConfig, type JobTargets } from './test-prometheus-config.js';
import { scrapeFaithfulTiming, type PrometheusTiming } from './test-timing.js';

export interface LiveStackInfo {
  prometheusUrl: string;
  /** The `cluster` label of this Prometheus's alerts. */
  cluster: string;
  /** Its scrape cadence and how its rules' `for` were compressed (test-timing.ts). */
  timing: PrometheusTiming;
  /** The example app, from the harness (localhost). */
  appUrl: string;
  /** The stack control server (stack-control.ts). */
  controlUrl: string;
  /** Targets per scrape job of the test copy: each target is the `instance` label of its series. */
  targets: Record<string, string[]>;
  dropped: { job: string; reason: string }[];
  cadvisor: { state: 'running' } | { state: 'missing' | 'failed'; reason: string };
}

/**
 * The whole pipeline on real engines: MariaDB (or MySQL) watched by mysqld_exporter,
 * node_exporter, the example application on the host keeping its tables in that database,
 * and a Prometheus running the test copy of
 * the canonical prometheus.yml and rule files, sending to the shared e2e Alertmanager.
 * cAdvisor joins when its image exists; otherwise its job is dropped from the test copy and the
 * test that needs it skips with the reason.
 */
export const liveStack: StackDefinition<LiveStackInfo> = {
  key: 'e2e-live',
  // Its Prometheus sends to (and scrapes) the shared e2e Alertmanager.
  needs: ['e2e-alertmanager'],
  async start({ network }) {
    const exporterPassword = randomBytes(12).toString('hex');
    const [database, nodeExporter, cadvisor] = await Promise.all([network.start(databaseSpec(exporterPassword)), network.start(nodeExporterSpec()), startCadvisor(network)]);
    // The app's own user (databaseSpec), through the mapped port, asked again for every new
    // connection: the port changes when the test stops and restarts the database.
    const app = await hostExampleApp({ url: `mysql://timetable:app-${exporterPassword}@127.0.0.1/timetable`, locate: () => ({ host: '127.0.0.1', port: database.port(3306) }) });
    try {
      // After the database is ready, so the exporter's first scrape does not report it down.
      const mysqldExporter = await network.start(mysqldExporterSpec(exporterPassword));
      const targets: Record<string, string[]> = {
        'timetable-app': [`${hostFromEngines}:${app.port}`],
        'node-exporter': [`${liveEngineNames.nodeExporter}:9100`],
        'mysqld-exporter': [`${liveEngineNames.mysqldExporter}:9104`],
        // Prometheus scrapes itself at its canonical target.
        prometheus: ['localhost:9090'],
        // The shared e2e Alertmanager: AlertmanagerNotificationsFailing reads its counters.
        alertmanager: [e2eAlertmanagerAddress],
      };
      const jobs: Record<string, JobTargets> = {
        ...targets,
        cadvisor: 'engine' in cadvisor ? [`${liveEngineNames.cadvisor}:8080`] : { drop: `cAdvisor is not running in this test run: ${cadvisor.reason}` },
      };
      if ('engine' in cadvisor) targets.cadvisor = [`${liveEngineNames.cadvisor}:8080`];
      const cluster = `e2e-live-${randomBytes(3).toString('hex')}`;
      // Alerts here come from live scrapes, so `for` keeps its production number of scrapes.
      const timing = scrapeFaithfulTiming(prometheusSettings());
      const copy = testPrometheusConfig({ cluster, alertmanagers: [e2eAlertmanagerAddress], jobs, timing });
      // Last, so its first scrapes find every target up.
      const prometheus = await network.start(prometheusSpec({ name: liveEngineNames.prometheus, config: copy.config, files: copy.ruleFiles, flags: copy.flags, alertmanagers: copy.alertmanagers }));
      const control = await startStackControl({ app, engines: { database, 'mysqld-exporter': mysqldExporter, 'node-exporter': nodeExporter } });
      return {
        info: {
          prometheusUrl: prometheus.url(9090),
          cluster,
          timing,
          appUrl: app.url,
          controlUrl: control.url,
          targets,
          dropped: copy.dropped,
          cadvisor: 'engine' in cadvisor ? { state: 'running' } : cadvisor,
        },
        stop: async () => {
          await control.stop();
          await app.close();
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  },
};

/** cAdvisor when its image can be had; otherwise why not, so only the test that needs it skips. */
async function startCadvisor(network: EngineNetwork): Promise<{ engine: RunningEngine } | { state: 'missing' | 'failed'; reason: string }> {
  try {
    return { engine: await network.start(cadvisorSpec()) };
  } catch (error) {
    if (error instanceof ImageMissingError) return { state: 'missing', reason: error.message };
    return { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
