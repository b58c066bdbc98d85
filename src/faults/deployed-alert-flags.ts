import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { containersOf, k8sObjects, lineIn, loadK8sManifests } from '../deploy/k8s-manifests.js';
import { formatDuration, parseDuration } from '../prometheus-rules/duration.js';

/** The `--rules.alert.*` flags that decide what a Prometheus restart does to alerts, in ms. */
export interface AlertRestartFlags {
  /** Minimum time from a restart to a restored alert firing; rules with a shorter `for` are not restored at all. */
  forGracePeriodMs: number;
  /** A restart after a longer outage restores nothing. */
  forOutageToleranceMs: number;
  /** How often a firing alert is re-sent; Alertmanager holds it 4 × this after the last send. */
  resendDelayMs: number;
}

/**
 * Prometheus 3.5.3's defaults, cmd/prometheus/main.go:521-528 (`rules.alert.for-outage-tolerance`
 * 1h, `rules.alert.for-grace-period` 10m, `rules.alert.resend-delay` 1m).
 */
const defaults: Record<keyof AlertRestartFlags, [flag: string, ms: number]> = {
  forGracePeriodMs: ['--rules.alert.for-grace-period', 600_000],
  forOutageToleranceMs: ['--rules.alert.for-outage-tolerance', 3_600_000],
  resendDelayMs: ['--rules.alert.resend-delay', 60_000],
};

/**
 * Those flags as our deployments pass them: the compose file's prometheus command and the
 * k8s Deployment's args, which must agree (a test of one would otherwise say nothing of the other).
 */
export function deployedAlertRestartFlags(): AlertRestartFlags {
  const compose = YamlFile.load(composeFile, 'the monitoring compose file');
  const command = ((compose.data as { services?: { prometheus?: { command?: unknown } } }).services?.prometheus?.command ?? []) as unknown[];
  const fromCompose = read(command.map(String), compose.file, compose.lineOf(['services', 'prometheus', 'command']));

  const deployment = k8sObjects(loadK8sManifests()).find((o) => o.kind === 'Deployment' && o.name === 'prometheus');
  if (!deployment) throw new ConfigError('k8s/', 'no Deployment named prometheus', 'the fault tests read its --rules.alert.* args; keep it named prometheus');
  const container = containersOf(deployment).find((c) => c.container.name === 'prometheus');
  if (!container)
    throw new ConfigError(
      deployment.file.file,
      'Deployment/prometheus has no container named prometheus',
      'name the Prometheus container prometheus',
      lineIn(deployment, ['spec', 'template', 'spec', 'containers']),
    );
  const args = ((container.container.args ?? []) as unknown[]).map(String);
  const fromK8s = read(args, deployment.file.file, lineIn(deployment, [...container.path, 'args']));

  for (const key of Object.keys(defaults) as (keyof AlertRestartFlags)[]) {
    if (fromCompose[key] !== fromK8s[key]) {
      throw new ConfigError(
        deployment.file.file,
        `Deployment/prometheus runs ${defaults[key][0]}=${formatDuration(fromK8s[key])}, ${composeFile} ${formatDuration(fromCompose[key])}`,
        'pass the same value in both',
        lineIn(deployment, [...container.path, 'args']),
      );
    }
  }
  return fromCompose;
}

/**
 * The same flags for a test Prometheus whose rules run `factor` times faster: grace period and
 * outage tolerance are measured against `for` (restored pending time, and group.go:768 compares
 * the grace period with each rule's `for`), so they shrink with it. Resend delay is left to the
 * caller: its lease guards against how long a restart takes, which no factor shortens.
 */
export function compressedRestoreFlags(flags: AlertRestartFlags, factor: number): string[] {
  return [
    `${defaults.forGracePeriodMs[0]}=${formatDuration(Math.round(flags.forGracePeriodMs / factor))}`,
    `${defaults.forOutageToleranceMs[0]}=${formatDuration(Math.round(flags.forOutageToleranceMs / factor))}`,
  ];
}

function read(args: readonly string[], file: string, line: number | undefined): AlertRestartFlags {
  const result = {} as AlertRestartFlags;
  for (const [key, [flag, fallback]] of Object.entries(defaults) as [keyof AlertRestartFlags, [string, number]][]) {
    const given = args.find((a) => a.startsWith(`${flag}=`));
    if (given === undefined) {
      result[key] = fallback;
      continue;
    }
    const ms = parseDuration(given.slice(flag.length + 1));
    if (ms === undefined) throw new ConfigError(file, `${given} is not a Prometheus duration`, 'write it like 1m or 1h30m', line);
    result[key] = ms;
  }
  return result;
}
