import { pathToFileURL } from 'node:url';
import { loadAlertmanagerConfig } from '../src/alertmanager/alertmanager-config.js';
import { e2eAlertmanagerStack } from '../src/e2e/e2e-alertmanager-stack.js';
import { E2eObserver } from '../src/e2e/e2e-observer.js';
import { canonicalIncidentContext } from '../src/e2e/incidents/incident-context.js';
import { injectHistory } from '../src/e2e/incidents/inject-history.js';
import { incidentsStack, type IncidentsStackInfo } from '../src/e2e/incidents/incidents-stack.js';
import { loadIncidents } from '../src/e2e/incidents/load-incidents.js';
import { observeIncident } from '../src/e2e/incidents/observe-incident.js';
import { liveStack, type LiveStackInfo } from '../src/e2e/live-stack.js';
import { StackControl } from '../src/e2e/stack-control.js';
import { ruleTimeFactor } from '../src/e2e/test-timing.js';
import { parseDuration } from '../src/prometheus-rules/duration.js';
import type { AlertingStackInfo } from '../src/stacks/alerting-stack.js';
import type { StackDefinition, StackStatus } from '../src/stacks/stack.js';
import { startStacks } from '../src/stacks/start-stacks.js';

/**
 * The end-to-end suite's timings: how long each stack takes to start (they start side by side,
 * as in the integration project's globalSetup), the live faults from the fault to the page and
 * from the repair to the resolve, and for every incident, from injection to each delivery,
 * next to the alert's scaled `for`. Prints figures only.
 */
export async function benchE2e(): Promise<void> {
  const startedIn: Record<string, number> = {};
  const timed = <T>(definition: StackDefinition<T>): StackDefinition<unknown> => ({
    key: definition.key,
    async start(shared) {
      const begin = performance.now();
      const started = await definition.start(shared);
      startedIn[definition.key] = performance.now() - begin;
      return started;
    },
  });
  const begin = performance.now();
  const stacks = await startStacks([timed(e2eAlertmanagerStack), timed(liveStack), timed(incidentsStack)]);
  const total = performance.now() - begin;
  try {
    const info = <T>(key: string): T => ready<T>(stacks.statuses[key], key);
    const alertmanager = info<AlertingStackInfo>('e2e-alertmanager');
    console.log(`End-to-end stacks started side by side in ${ms(total)} (network, capture server and orphan sweep included)`);
    for (const [key, took] of Object.entries(startedIn)) console.log(`  ${key.padEnd(18)} ${ms(took)}`);

    const config = loadAlertmanagerConfig();
    const live = info<LiveStackInfo>('e2e-live');
    const observer = new E2eObserver(alertmanager, config, live.prometheusUrl, live.cluster);
    const control = new StackControl(live.controlUrl);
    const rows: string[][] = [];
    for (const [alert, down, up] of [
      ['DatabaseDown', () => control.pause('database'), () => control.resume('database')],
      ['ApplicationDown', () => control.stopApp(), () => control.startApp()],
    ] as const) {
      const after = await observer.capture.mark();
      const faultAt = performance.now();
      await down();
      const page = await observer.firing(alert, { after, timeoutMs: 60_000 }).finally(up);
      const paged = performance.now() - faultAt;
      const repairedAt = performance.now();
      await observer.resolved(alert, page, 60_000);
      rows.push([alert, ms(paged), ms(performance.now() - repairedAt)]);
    }
    table('Live faults on real engines (for: 1m scaled to 600 ms)', ['alert', 'fault → page', 'repair → resolved'], rows);

    const context = canonicalIncidentContext();
    const incidents = loadIncidents(context);
    const engines = info<IncidentsStackInfo>('e2e-incidents').incidents;
    const incidentRows: string[][] = [];
    const playedAt = performance.now();
    await Promise.all(
      incidents.map(async (incident) => {
        const engine = engines[incident.name]!;
        const at = Date.now();
        await injectHistory(engine.prometheusUrl, incident.history, at);
        const outcome = await observeIncident(incident, new E2eObserver(alertmanager, config, engine.prometheusUrl, engine.cluster), at, context.alerts);
        for (const seen of outcome.deliveries) {
          const forMs = (parseDuration(context.alerts.get(seen.expectation.alert)?.for ?? '0s') ?? 0) / ruleTimeFactor;
          incidentRows.push([incident.name, seen.expectation.alert, seen.delivery.receiver, ms(forMs), ms(seen.afterMs)]);
        }
      }),
    );
    incidentRows.sort((a, b) => a[0]!.localeCompare(b[0]!) || a[1]!.localeCompare(b[1]!));
    table(
      `Incidents, all at once: injection → delivery (${incidents.length} incidents, all done in ${ms(performance.now() - playedAt)}, inhibition checks included)`,
      ['incident', 'alert', 'receiver', 'for (scaled)', 'delivered after'],
      incidentRows,
    );
  } finally {
    await stacks.stop();
  }
}

function ready<T>(status: StackStatus | undefined, key: string): T {
  if (status?.state !== 'ready') throw new Error(`stack ${key} is not ready: ${status && 'reason' in status ? status.reason : 'not started'}`);
  return status.info as T;
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function table(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(title);
  for (const row of [header, ...rows]) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchE2e();
