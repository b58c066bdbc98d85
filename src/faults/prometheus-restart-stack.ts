import { randomBytes } from 'node:crypto';
import { startStackControl } from '../e2e/stack-control.js';
import { nodeExporterSpec } from '../e2e/exporter-specs.js';
import { testPrometheusConfig } from '../e2e/test-prometheus-config.js';
import { scrapeFaithfulTiming, type PrometheusTiming } from '../e2e/test-timing.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { startAlertmanager, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { SharedServices, StackDefinition } from '../stacks/stack.js';
import { compressedRestoreFlags, deployedAlertRestartFlags, type AlertRestartFlags } from './deployed-alert-flags.js';

/** One Prometheus the restart tests stop and start, and the target whose `up` they switch. */
export interface RestartablePrometheus {
  /** Engine names for the stack control (stack-control.ts). */
  engine: string;
  target: string;
  /** Its URL as first started; a restart maps a new port (StackControl.currentUrl). */
  url: string;
  /** Its `cluster` external label: the receiver timeline's token. */
  cluster: string;
  /** Its --rules.alert.resend-delay; Alertmanager holds a sent alert 4 × this (the lease). */
  resendDelayMs: number;
  /** Its --rules.alert.for-outage-tolerance. */
  outageToleranceMs: number;
}

export interface PrometheusRestartStackInfo {
  alerting: AlertingStackInfo;
  timing: PrometheusTiming;
  /** The flags as compose and k8s pass them (production time). */
  deployed: AlertRestartFlags;
  controlUrl: string;
  /** /prometheus on the container's volume: kept across a restart, as compose's prometheus_data and k8s's prometheus-data PVC keep it. */
  onVolume: RestartablePrometheus;
  /** /prometheus in tmpfs: lost at a restart, as a deployment without a volume loses it when its container or pod is recreated. */
  inMemory: RestartablePrometheus;
  /**
   * /prometheus on a volume, with an outage tolerance a test can outlast: shorter than the others'
   * (production's 1h ÷ the rule factor is 10 min), see shortOutageToleranceMs.
   */
  shortTolerance: RestartablePrometheus;
}

/**
 * The short tolerance: 1h ÷ 40. Long enough that a restart (docker stop with compose's 10s grace,
 * start, two evaluations) stays inside it at load 100 (the restart tests measure seconds), short
 * enough that a test can hold Prometheus down longer. Tolerance is only ever compared with the
 * outage (rules/group.go:748-750), so scaling both keeps what a restart does.
 */
export const shortOutageToleranceMs = 90_000;

/**
 * Three Prometheus servers with the canonical rules and the restore flags of our deployments
 * (one with a shorter outage tolerance), each scraping its own node exporter as prometheus.yml's
 * `node-exporter` job (TargetDown, `for: 5m`, is what the tests drive by stopping it), all sending to one Alertmanager with the
 * canonical config. Their own: restarting the fault stack's Prometheus would take the
 * meta-alert from the receiver-failure test running beside them.
 */
export const prometheusRestartStack: StackDefinition<PrometheusRestartStackInfo> = {
  key: 'faults-prometheus',
  async start(shared) {
    const timing = scrapeFaithfulTiming(prometheusSettings());
    const deployed = deployedAlertRestartFlags();
    const alertmanagerName = 'restart-prom-alertmanager';
    // Routing timers divided like the rules' `for`, so a warning's group_interval (5m) still
    // outlasts TargetDown's `for` (5m) by the same margin as in production.
    const { info: alerting } = await startAlertmanager(shared, 'faults-prometheus', '/faults-prometheus', { name: alertmanagerName, timeFactor: timing.ruleFactor });
    const alertmanager = `${alertmanagerName}:9093`;
    const [onVolume, inMemory, shortTolerance] = await Promise.all([
      startPair(shared, 'restart-prom-volume', { timing, deployed, alertmanager, inMemory: false }),
      startPair(shared, 'restart-prom-memory', { timing, deployed, alertmanager, inMemory: true }),
      startPair(shared, 'restart-prom-tolerance', { timing, deployed, alertmanager, inMemory: false, outageToleranceMs: shortOutageToleranceMs }),
    ]);
    const control = await startStackControl({ engines: { ...onVolume.engines, ...inMemory.engines, ...shortTolerance.engines } });
    return {
      info: { alerting, timing, deployed, controlUrl: control.url, onVolume: onVolume.info, inMemory: inMemory.info, shortTolerance: shortTolerance.info },
      // The network stops the engines.
      stop: () => control.stop(),
    };
  },
};

const inMemoryPath = '/prometheus-in-memory';

async function startPair(
  shared: SharedServices,
  name: string,
  options: { timing: PrometheusTiming; deployed: AlertRestartFlags; alertmanager: string; inMemory: boolean; outageToleranceMs?: number },
) {
  const targetName = `${name}-target`;
  // The tests need `up`; the filesystem collector too, or CriticalSignalAbsent (which watches
  // node_filesystem_avail_bytes) fires; nothing else, on a shared machine.
  const target = await shared.network.start({ ...nodeExporterSpec(), name: targetName, command: ['--collector.disable-defaults', '--collector.filesystem', '--collector.time'] });
  const cluster = `${name}-${randomBytes(3).toString('hex')}`;
  const jobs = Object.fromEntries(
    prometheusSettings().scrapeJobs.map((job) => [job, job === 'node-exporter' ? [`${targetName}:9100`] : { drop: 'the restart tests watch only TargetDown of their own node exporter' }]),
  );
  const copy = testPrometheusConfig({ cluster, alertmanagers: [options.alertmanager], jobs, timing: options.timing });
  // Alertmanager holds a sent alert for the lease of its last send, 4 × max(resend-delay,
  // evaluation interval) (rules/alerting.go:593-603). What each test weighs it against decides
  // its scale. With the volume, a firing alert survives the restart while the lease outlasts the
  // restart, a real process start that no factor shortens: production's delay, undivided.
  // Without it, the alert is pending again for its whole `for`, a rule time: the delay ÷ the
  // factor like `for`, so lease and `for` keep production's ratio (4 × 1m against TargetDown's 5m).
  const resendDelayMs = options.inMemory ? options.deployed.resendDelayMs / options.timing.ruleFactor : options.deployed.resendDelayMs;
  const outageToleranceMs = options.outageToleranceMs ?? Math.round(options.deployed.forOutageToleranceMs / options.timing.ruleFactor);
  const flags = [
    ...compressedRestoreFlags(options.deployed, options.timing.ruleFactor).filter((f) => !f.startsWith('--rules.alert.for-outage-tolerance=')),
    `--rules.alert.for-outage-tolerance=${formatDuration(outageToleranceMs)}`,
    `--rules.alert.resend-delay=${formatDuration(resendDelayMs)}`,
  ];
  const spec = prometheusSpec({
    name,
    config: copy.config,
    files: copy.ruleFiles,
    flags: [...copy.flags.filter((f) => !f.startsWith('--rules.alert.resend-delay=')), ...flags],
    alertmanagers: copy.alertmanagers,
  });
  const prometheus = await shared.network.start({
    ...spec,
    // /prometheus is the image's declared volume: kept across docker stop/start, as compose's named
    // volume keeps it. Docker ignores a tmpfs's mode on a declared volume's path (measured: root
    // 0755, and Prometheus, as nobody, cannot write), so the in-memory TSDB lives beside it,
    // owned by nobody (65534, the image's user, as in the official image).
    ...(options.inMemory
      ? { tmpfs: [inMemoryPath], tmpfsOwner: { uid: 65534, gid: 65534 }, command: spec.command!.map((f) => (f.startsWith('--storage.tsdb.path=') ? `--storage.tsdb.path=${inMemoryPath}` : f)) }
      : {}),
    // docker compose's default stop_grace_period; SIGTERM lets the TSDB close its WAL cleanly.
    stopGraceSeconds: 10,
  });
  return {
    engines: { [name]: prometheus, [targetName]: target },
    info: { engine: name, target: targetName, url: prometheus.url(9090), cluster, resendDelayMs, outageToleranceMs },
  };
}
