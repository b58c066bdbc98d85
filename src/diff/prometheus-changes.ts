import { formatDuration } from '../prometheus-rules/duration.js';
import type { PrometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { prometheusConfigFile } from '../prometheus-rules/prometheus-config.js';
import type { ConfigChange } from './alertmanager-changes.js';
import type { ConfigSide } from './config-side.js';

type Side = { side: ConfigSide; settings: PrometheusSettings };

/**
 * What prometheus.yml changes about alerting: how often rules run, which rule files load, and
 * the external labels every alert carries to Alertmanager (routing and inhibition see them).
 */
export function prometheusChanges(base: Side, head: Side): ConfigChange[] {
  const [b, h] = [read(base), read(head)];
  const changed = Object.keys(b.fields).filter((key) => b.fields[key] !== h.fields[key]);
  if (changed.length === 0) return [];
  const [first] = changed as [string];
  return [
    {
      what: prometheusConfigFile,
      change: 'changed',
      fields: changed.map((key) => `${key} ${b.fields[key]} → ${h.fields[key]}`),
      base: { file: b.file, line: b.lines[first] ?? 1 },
      head: { file: h.file, line: h.lines[first] ?? 1 },
    },
  ];
}

function read({ side, settings }: Side): { file: string; fields: Record<string, string>; lines: Record<string, number | undefined> } {
  const yaml = side.workspace.prometheusFile();
  const external = ((yaml.data as { global?: { external_labels?: Record<string, unknown> } } | null)?.global?.external_labels ?? {}) as Record<string, unknown>;
  return {
    file: side.display(yaml.file),
    fields: {
      evaluation_interval: formatDuration(settings.evaluationIntervalMs),
      rule_files: `[${settings.ruleFiles.map((f) => side.display(f)).join(', ')}]`,
      external_labels: `{${Object.keys(external)
        .sort()
        .map((k) => `${k}=${JSON.stringify(String(external[k]))}`)
        .join(', ')}}`,
    },
    lines: {
      evaluation_interval: yaml.lineOf(['global', 'evaluation_interval']),
      rule_files: yaml.lineOf(['rule_files']),
      external_labels: yaml.lineOf(['global', 'external_labels']),
    },
  };
}
