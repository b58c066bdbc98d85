import { randomBytes } from 'node:crypto';
import { prometheusSpec } from '../../stacks/prometheus-spec.js';
import type { StackDefinition } from '../../stacks/stack.js';
import { e2eAlertmanagerAddress } from '../e2e-alertmanager-stack.js';
import { testPrometheusConfig } from '../test-prometheus-config.js';
import { canonicalIncidentContext } from './incident-context.js';
import { loadIncidents } from './load-incidents.js';
import { historyWindow } from './read-history.js';

export interface IncidentEngine {
  prometheusUrl: string;
  /** The `cluster` label of its alerts: every notification it causes names it. */
  cluster: string;
}

export interface IncidentsStackInfo {
  incidents: Record<string, IncidentEngine>;
}

const dropReason = "an incident's Prometheus holds only the incident's injected history; live data from this run's engines would change what its rules see";

/**
 * One small Prometheus per incident of fixtures/incidents/, all started side by side, each with
 * the test copy of the canonical config and rules, a `cluster` of its own, the remote-write
 * receiver, and every scrape job dropped. They send to the shared e2e Alertmanager, which groups
 * and inhibits per cluster: incidents run at the same time without ordering or interference.
 */
export const incidentsStack: StackDefinition<IncidentsStackInfo> = {
  key: 'e2e-incidents',
  // Its Prometheus servers send to the shared e2e Alertmanager.
  needs: ['e2e-alertmanager'],
  async start({ network }) {
    const context = canonicalIncidentContext();
    const incidents = loadIncidents(context);
    const jobs = Object.fromEntries(context.jobs.map((job) => [job, { drop: dropReason }]));
    const started = await Promise.all(
      incidents.map(async (incident): Promise<[string, IncidentEngine]> => {
        const cluster = `incident-${incident.name}-${randomBytes(3).toString('hex')}`;
        const copy = testPrometheusConfig({ cluster, alertmanagers: [e2eAlertmanagerAddress], jobs, acceptHistory: historyWindow });
        const engine = await network.start(prometheusSpec({ name: `incident-${incident.name}`, config: copy.config, files: copy.ruleFiles, flags: copy.flags, alertmanagers: copy.alertmanagers }));
        return [incident.name, { prometheusUrl: engine.url(9090), cluster }];
      }),
    );
    // The network stops the engines.
    return { info: { incidents: Object.fromEntries(started) }, stop: async () => undefined };
  },
};
