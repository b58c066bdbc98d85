import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';

export const contractFile = 'monitoring/metrics-contract.yml';

export interface ContractMetric {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  help: string;
  labels: string[];
  buckets: number[] | undefined;
  source: string;
  /** Where the entry starts, for messages: `monitoring/metrics-contract.yml:14`. */
  where: string;
}

const types = new Set(['counter', 'gauge', 'histogram', 'summary']);

/**
 * The contract's entries, each checked for the fields the instrumentation tests rely on.
 * A malformed entry is a ConfigError naming its line, never a skipped metric: a contract
 * the tests silently misread would let the module drift from it unnoticed.
 */
export function loadMetricsContract(path = contractFile): ContractMetric[] {
  return parseMetricsContract(YamlFile.load(path, 'the metrics contract'));
}

export function parseMetricsContract(yaml: YamlFile): ContractMetric[] {
  const data = yaml.data as { metrics?: unknown } | null;
  if (!Array.isArray(data?.metrics)) {
    throw new ConfigError(yaml.file, 'has no `metrics:` list', 'the file must be a mapping with a `metrics:` list of entries', yaml.lineOf(['metrics']) ?? 1);
  }
  const seen = new Map<string, string>();
  return data.metrics.map((entry: unknown, i: number) => {
    const line = yaml.lineOf(['metrics', i]);
    const fail = (field: string, message: string, hint: string): never => {
      throw new ConfigError(yaml.file, message, hint, yaml.lineOf(['metrics', i, field]) ?? line);
    };
    if (typeof entry !== 'object' || entry === null) fail('', `entry ${i} is not a mapping`, 'write each entry as name/type/help/labels/source fields');
    const e = entry as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name === '') fail('name', `entry ${i} has no name`, 'add `name: <metric_name>`');
    const name = e.name as string;
    if (seen.has(name)) fail('name', `${name} is listed twice (first at ${seen.get(name)})`, 'keep one entry per metric');
    if (typeof e.type !== 'string' || !types.has(e.type)) fail('type', `${name}: type ${JSON.stringify(e.type)} is not one of ${[...types].join(', ')}`, "set `type:` to the metric's Prometheus type");
    if (typeof e.help !== 'string' || e.help === '') fail('help', `${name} has no help text`, 'add `help:`: one sentence saying what it counts');
    if (!Array.isArray(e.labels) || !e.labels.every((l) => typeof l === 'string')) fail('labels', `${name}: labels must be a list of label names`, 'write `labels: [a, b]`, or `labels: []` for none');
    if (typeof e.source !== 'string') fail('source', `${name} has no source`, 'add `source:` (app, node-exporter, mysqld-exporter, cadvisor, prometheus, …)');
    let buckets: number[] | undefined;
    if (e.type === 'histogram' && e.source === 'app') {
      if (!Array.isArray(e.buckets) || e.buckets.length === 0 || !e.buckets.every((b) => typeof b === 'number')) {
        fail('buckets', `${name}: an app histogram needs its bucket boundaries`, 'add `buckets: [0.1, 0.5, 1]` (numbers, ascending, without +Inf)');
      }
      buckets = e.buckets as number[];
    }
    const where = `${yaml.file}:${line ?? '?'}`;
    seen.set(name, where);
    return { name, type: e.type as ContractMetric['type'], help: e.help as string, labels: e.labels as string[], buckets, source: e.source as string, where };
  });
}

export function appMetricsOf(contract: readonly ContractMetric[]): ContractMetric[] {
  return contract.filter((metric) => metric.source === 'app');
}
