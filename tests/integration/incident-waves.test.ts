import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import type { EngineNetwork } from '../../src/engines/engine.js';
import { e2eAlertmanagerStack } from '../../src/e2e/e2e-alertmanager-stack.js';
import { canonicalIncidentContext } from '../../src/e2e/incidents/incident-context.js';
import type { Incident } from '../../src/e2e/incidents/incident.js';
import { playIncidentsInWaves, type PlayedIncident } from '../../src/e2e/incidents/incident-waves.js';
import { loadIncident } from '../../src/e2e/incidents/load-incidents.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import type { StackDefinition } from '../../src/stacks/stack.js';
import { startStacks, type StartedStacks } from '../../src/stacks/start-stacks.js';

// Incidents played in one wave (incident-waves.ts, what the scale bench runs at 3x and 10x) share
// the Alertmanager and the machine, never a Prometheus: one incident's series must not change
// another's outcome. app-down and database-down are the pair that would show a leak: each one's
// series make the other's page fire (mysql_up = 0 fires DatabaseDown, up = 0 fires
// ApplicationDown), and their alerts are disjoint. A third member of the same wave is the control
// that this test can fail: both histories in ONE Prometheus, where both pages do fire.
// This file starts its own network, Alertmanager and three Prometheus (as engine-restart.test.ts
// does): the wave mechanics are what is under test, so they cannot come from globalSetup.

const context = canonicalIncidentContext();
const appDown = loadIncident('fixtures/incidents/app-down.yaml', context);
const databaseDown = loadIncident('fixtures/incidents/database-down.yaml', context);
const shared: Incident = {
  ...appDown,
  name: 'app-and-database-down',
  description: 'both histories in one Prometheus: what a leak between the two would look like',
  history: [...appDown.history, ...databaseDown.history],
  fires: [...appDown.fires, ...databaseDown.fires],
  inhibited: [],
};

let stacks: StartedStacks | undefined;
let played: PlayedIncident[] = [];
let unavailable: string | undefined;

beforeAll(async () => {
  const grab: StackDefinition<EngineNetwork> = { key: 'network', start: async ({ network }) => ({ info: network, stop: async () => undefined }) };
  stacks = await startStacks([e2eAlertmanagerStack as StackDefinition<unknown>, grab as StackDefinition<unknown>]);
  const status = stacks.statuses['e2e-alertmanager'];
  const network = stacks.statuses.network;
  if (status?.state !== 'ready' || network?.state !== 'ready') {
    const failed = [status, network].find((s) => s?.state === 'failed');
    if (failed && 'reason' in failed) throw new Error(failed.reason);
    unavailable = status && 'reason' in status ? status.reason : 'the e2e Alertmanager did not start';
    return;
  }
  played = await playIncidentsInWaves([appDown, databaseDown, shared], {
    network: network.info as EngineNetwork,
    alertmanager: status.info as AlertingStackInfo,
    config: loadAlertmanagerConfig(),
    context,
    waveSize: 3,
  });
}, 900_000); // three Prometheus start side by side; each alert is waited for up to patienceFor()

afterAll(async () => {
  await stacks?.stop();
}, 120_000);

function outcome(ctx: TestContext, incident: Incident): PlayedIncident {
  if (unavailable) ctx.skip(`${unavailable} (build the local images: npm run images:offline)`);
  const found = played.find((p) => p.incident.name === incident.name);
  if (!found) throw new Error(`${incident.name} was not played`);
  return found;
}

const pages = (incident: Incident) => incident.fires.map((f) => f.alert);

describe('incidents in one wave (src/e2e/incidents/incident-waves.ts)', () => {
  it('the control: sharing one Prometheus, the two histories fire both pages', (ctx) => {
    const { outcome: seen } = outcome(ctx, shared);
    expect(seen.active).toEqual(expect.arrayContaining([...pages(appDown), ...pages(databaseDown)]));
  }, 60_000);

  for (const [incident, mate] of [
    [appDown, databaseDown],
    [databaseDown, appDown],
  ] as const) {
    it(`${incident.name}: exactly its own alerts are active, none of ${mate.name}'s`, (ctx) => {
      const { outcome: seen, cluster } = outcome(ctx, incident);
      expect(seen.deliveries.map((d) => d.expectation.alert)).toEqual(pages(incident));
      for (const page of pages(mate)) expect(seen.active, `${page} (of ${mate.name}) is active in ${incident.name}'s Prometheus (cluster ${cluster})`).not.toContain(page);
      const own = [...pages(incident), ...incident.inhibited.map((i) => i.alert), 'Watchdog'].sort();
      expect(seen.active).toEqual(own);
    }, 60_000);
  }
});
