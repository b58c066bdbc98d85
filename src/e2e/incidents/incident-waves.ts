import { randomBytes } from 'node:crypto';
import type { AlertmanagerConfig } from '../../alertmanager/alertmanager-config.js';
import type { EngineNetwork, RunningEngine } from '../../engines/engine.js';
import type { AlertingStackInfo } from '../../stacks/alerting-stack.js';
import { prometheusSpec } from '../../stacks/prometheus-spec.js';
import { e2eAlertmanagerAddress } from '../e2e-alertmanager-stack.js';
import { E2eObserver } from '../e2e-observer.js';
import { testPrometheusConfig } from '../test-prometheus-config.js';
import type { Incident } from './incident.js';
import type { IncidentContext } from './incident-context.js';
import { injectHistory } from './inject-history.js';
import { observeIncident, type IncidentOutcome } from './observe-incident.js';
import { historyWindow } from './read-history.js';

export interface IncidentWaveOptions {
  network: EngineNetwork;
  alertmanager: AlertingStackInfo;
  config: AlertmanagerConfig;
  context: IncidentContext;
  /** At most this many incident Prometheus run at once: the memory bound (README, "Scale"). */
  waveSize: number;
  /** The rule files an incident's Prometheus loads (by default the canonical ones, unchanged). */
  ruleFiles?: (incident: Incident, files: Record<string, string>) => Record<string, string>;
  onWave?: (wave: number, incidents: readonly Incident[]) => void;
}

export interface PlayedIncident {
  incident: Incident;
  cluster: string;
  outcome: IncidentOutcome;
}

/**
 * Plays incidents in waves of at most `waveSize`, each incident on a Prometheus of its own (its
 * own `cluster`, so the shared Alertmanager groups and inhibits it apart from the others), and
 * stops a wave's engines before the next starts. Memory is bounded by the wave, not by the
 * number of incidents; isolation is the same as incidents-stack.ts gives: one incident's series
 * never reach another's Prometheus (tests/integration/incident-waves.test.ts proves it).
 */
export async function playIncidentsInWaves(incidents: readonly Incident[], options: IncidentWaveOptions): Promise<PlayedIncident[]> {
  if (!Number.isInteger(options.waveSize) || options.waveSize < 1) throw new Error(`waveSize must be a whole number >= 1, got ${options.waveSize}`);
  const jobs = Object.fromEntries(options.context.jobs.map((job) => [job, { drop: "an incident's Prometheus holds only the incident's injected history" }]));
  const played: PlayedIncident[] = [];
  for (let start = 0, wave = 1; start < incidents.length; start += options.waveSize, wave++) {
    const members = incidents.slice(start, start + options.waveSize);
    options.onWave?.(wave, members);
    const engines: RunningEngine[] = [];
    try {
      // Every engine of the wave is up before any history goes in, as incidents-stack.ts has them
      // up before the test injects: a Prometheus starting beside a playing incident takes the CPU
      // its rules need, and a source alert (ApplicationDown) late by a second lets the alert it
      // mutes (HighErrorRate) reach a receiver first. Seen at load 87 when injection followed
      // each start at once.
      const started = await Promise.all(
        members.map(async (incident) => {
          const cluster = `incident-${incident.name}-${randomBytes(3).toString('hex')}`;
          const copy = testPrometheusConfig({ cluster, alertmanagers: [e2eAlertmanagerAddress], jobs, acceptHistory: historyWindow });
          const files = options.ruleFiles ? options.ruleFiles(incident, copy.ruleFiles) : copy.ruleFiles;
          // Started only once its notifier knows the Alertmanager (`alertmanagers`, prometheus-spec.ts):
          // its history goes in at once, and an alert fired before discovery is dropped without a word
          // and re-sent a resend-delay late, after the warnings it mutes (README, Scale: the 09:27 run).
          const engine = await options.network.start(prometheusSpec({ name: `incident-${incident.name}`, config: copy.config, files, flags: copy.flags, alertmanagers: copy.alertmanagers }));
          engines.push(engine);
          return { incident, cluster, url: engine.url(9090) };
        }),
      );
      played.push(
        ...(await Promise.all(
          started.map(async ({ incident, cluster, url }) => {
            const at = Date.now();
            await injectHistory(url, incident.history, at);
            const outcome = await observeIncident(incident, new E2eObserver(options.alertmanager, options.config, url, cluster), at, options.context.alerts);
            return { incident, cluster, outcome };
          }),
        )),
      );
    } finally {
      await Promise.all(engines.map((e) => e.stop()));
    }
  }
  return played;
}
