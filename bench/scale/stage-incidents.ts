import { isMap, isSeq, parseDocument } from 'yaml';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import type { EngineNetwork } from '../../src/engines/engine.js';
import { e2eAlertmanagerStack } from '../../src/e2e/e2e-alertmanager-stack.js';
import { canonicalIncidentContext } from '../../src/e2e/incidents/incident-context.js';
import type { Incident } from '../../src/e2e/incidents/incident.js';
import { playIncidentsInWaves } from '../../src/e2e/incidents/incident-waves.js';
import { loadIncidents } from '../../src/e2e/incidents/load-incidents.js';
import { isAlwaysFiring } from '../../src/prometheus-rules/always-firing.js';
import { canonicalRules } from '../../src/prometheus-rules/canonical-rules.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startStacks } from '../../src/stacks/start-stacks.js';
import { reportStage } from './stage-result.js';

// The live incidents of HARNESS_ROOT's tree in waves of SCALE_WAVE_SIZE (default 8) Prometheus,
// against one e2e Alertmanager (bench/scale.ts runs this as a child process). An incident passes
// when every expected delivery and inhibition was seen (observe-incident.ts) and exactly its own
// alerts (and the always-firing ones) are active in its Prometheus, as tests/integration judges.
const waveSize = Number(process.env.SCALE_WAVE_SIZE ?? 8);
const grab: StackDefinition<EngineNetwork> = { key: 'scale-network', start: async ({ network }) => ({ info: network, stop: async () => undefined }) };
const started = await startStacks([e2eAlertmanagerStack as StackDefinition<unknown>, grab as StackDefinition<unknown>]);
try {
  const status = started.statuses['e2e-alertmanager'];
  if (status?.state !== 'ready') throw new Error(`the e2e Alertmanager did not start: ${status && 'reason' in status ? status.reason : 'no status'}`);
  const network = (started.statuses['scale-network'] as { info: EngineNetwork }).info;
  const context = canonicalIncidentContext();
  const incidents = loadIncidents(context);
  const alwaysFiring = canonicalRules()
    .alerts()
    .filter(isAlwaysFiring)
    .map((a) => a.name);
  const begin = performance.now();
  const failures: string[] = [];
  const played = await playIncidentsInWaves(incidents, {
    network,
    alertmanager: status.info as AlertingStackInfo,
    config: loadAlertmanagerConfig(),
    context,
    waveSize,
    ruleFiles: (incident, files) => Object.fromEntries(Object.entries(files).map(([name, text]) => [name, onlyCopyOf(incident, text)])),
    onWave: (wave, members) => console.error(`wave ${wave}: ${members.map((m) => m.name).join(', ')}`),
  }).catch((error: unknown) => {
    failures.push(String(error));
    return [];
  });
  for (const { incident, outcome } of played) {
    const copy = copyOf(incident);
    const expected = [...new Set([...incident.fires.map((f) => f.alert), ...incident.inhibited.map((i) => i.alert), ...alwaysFiring.filter((a) => copyOfName(a) === copy)])].sort();
    const leaks = outcome.inhibitions.flatMap((i) => i.seen.leaks.map((d) => `${i.expectation.alert} reached ${d.receiver}`));
    if (JSON.stringify(outcome.active) !== JSON.stringify(expected) || leaks.length)
      failures.push(`${incident.name}: active [${outcome.active.join(', ')}], expected [${expected.join(', ')}]${leaks.length ? `; muted alerts delivered: ${leaks.join(', ')}` : ''}`);
  }
  for (const f of failures) console.error(`FAILED ${f}`);
  reportStage({ units: incidents.length, workMs: performance.now() - begin, failed: failures.length + incidents.length - played.length, note: `waves of ${waveSize}` });
} finally {
  await started.stop();
}

/** `x-s3` is copy 3; a canonical incident is copy 1. Alerts: `NameS3`. */
function copyOf(incident: Incident): number {
  return Number(/-s(\d+)$/.exec(incident.name)?.[1] ?? 1);
}
function copyOfName(alert: string): number {
  return Number(/S(\d+)$/.exec(alert)?.[1] ?? 1);
}

/**
 * The rule groups of the incident's own copy (bench/scale/copy-names.ts: group `x-s3`). The
 * copies share metric names, so a Prometheus loading every copy would fire every copy of an
 * alert from one incident's series: each copy stands for another team with its own rules.
 */
function onlyCopyOf(incident: Incident, text: string): string {
  const copy = copyOf(incident);
  const doc = parseDocument(text);
  const groups = doc.get('groups');
  if (isSeq(groups)) groups.items = groups.items.filter((g) => isMap(g) && Number(/-s(\d+)$/.exec(String(g.get('name')))?.[1] ?? 1) === copy);
  return doc.toString({ lineWidth: 0 });
}
