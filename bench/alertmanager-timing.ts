import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { AlertmanagerApi } from '../src/alertmanager/alertmanager-api.js';
import { loadAlertmanagerConfig } from '../src/alertmanager/alertmanager-config.js';
import { DeliveryReader } from '../src/alertmanager/deliveries.js';
import { testAlertmanagerConfig } from '../src/alertmanager/test-alertmanager-config.js';
import { routingTimeFactor } from '../src/alertmanager/time-compression.js';
import { CaptureClient } from '../src/capture/capture-client.js';
import { startCaptureServer } from '../src/capture/capture-server.js';
import { startEngineNetwork } from '../src/engines/container-network.js';
import { hostFromEngines } from '../src/engines/engine.js';
import { alertmanagerSpec } from '../src/stacks/alertmanager-spec.js';

const severities = ['critical', 'warning', 'info'] as const;

/**
 * Time from posting an alert to its first notification, per severity, on two Alertmanagers
 * running the canonical config: one with the production timers as written, one with the timers
 * the routing tests use (divided by routingTimeFactor). Shows that compression changes when,
 * not whether, and how far each measurement is from its group_wait. Prints figures only.
 */
export async function benchAlertmanagerTiming(): Promise<void> {
  const config = loadAlertmanagerConfig();
  await using capture = await startCaptureServer();
  await using network = await startEngineNetwork();
  const captureFromEngines = `http://${hostFromEngines}:${capture.port}`;
  const variants = [
    { label: 'production', factor: 1, prefix: '/bench-production' },
    { label: `compressed 1/${routingTimeFactor}`, factor: routingTimeFactor, prefix: '/bench-compressed' },
  ];
  const rows: string[][] = [];
  await Promise.all(
    variants.map(async (variant) => {
      const prepared = testAlertmanagerConfig({ captureFromEngines, pathPrefix: variant.prefix, timeFactor: variant.factor });
      const engine = await network.start(alertmanagerSpec({ name: `bench-am-${variant.factor}`, config: prepared.config, files: prepared.files }));
      const api = new AlertmanagerApi(engine.url(9093));
      const reader = new DeliveryReader(new CaptureClient(capture.url), prepared, config.receivers);
      await Promise.all(
        severities.map(async (severity) => {
          const route = config.routes.find((r) => r.matchers.some((m) => m.name === 'severity' && m.value === severity))!;
          const cluster = `bench-${severity}-${randomBytes(3).toString('hex')}`;
          const started = performance.now();
          await api.post([{ labels: { alertname: 'BenchTiming', severity, service: 'bench', cluster }, annotations: { summary: 'timing' } }]);
          await reader.waitFor(cluster, () => true, { what: `the ${severity} notification`, timeoutMs: route.groupWaitMs / variant.factor + 30_000 });
          const measured = performance.now() - started;
          await api.resolve([{ labels: { alertname: 'BenchTiming', severity, service: 'bench', cluster } }]);
          rows.push([variant.label, severity, `${route.groupWaitMs / variant.factor} ms`, `${measured.toFixed(0)} ms`, `${(measured - route.groupWaitMs / variant.factor).toFixed(0)} ms`]);
        }),
      );
    }),
  );
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || severities.indexOf(a[1] as never) - severities.indexOf(b[1] as never));
  const header = ['timers', 'severity', 'group_wait', 'first notification after', 'beyond group_wait'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log('Alertmanager: alert posted → first notification (canonical config, real Alertmanager 0.25)');
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchAlertmanagerTiming();
