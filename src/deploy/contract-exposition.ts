import type { YamlFile } from '../sources/yaml-file.js';

interface ContractMetric {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  labels?: string[];
  source: string;
  buckets?: number[];
}

/**
 * Label values for synthetic series: ones the rules and dashboards select on (`mode="idle"`,
 * `status=~"5.."`, a real filesystem type), so every query finds a series. A label not listed
 * gets one neutral value.
 */
const sampleValues: Record<string, string[]> = {
  status: ['200', '500'],
  method: ['GET'],
  route: ['/api/timelines'],
  mode: ['idle', 'user'],
  cpu: ['0'],
  fstype: ['ext4'],
  mountpoint: ['/'],
  device: ['/dev/sda1'],
  result: ['ok', 'fail'],
  name: ['timetable-app'],
};

/** Every combination of the label values, as `{a="x",b="y"}` (empty for no labels). */
function labelSets(labels: readonly string[]): string[] {
  let sets: string[][] = [[]];
  for (const label of labels) {
    const values = sampleValues[label] ?? [`sample-${label}`];
    sets = sets.flatMap((set) => values.map((v) => [...set, `${label}="${v}"`]));
  }
  return sets.map((s) => (s.length ? `{${s.join(',')}}` : ''));
}

const withLabel = (set: string, extra: string) => (set ? `${set.slice(0, -1)},${extra}}` : `{${extra}}`);

/**
 * Prometheus exposition text with a series for every contract metric of one source, as it
 * would look `seconds` after start: counters grow by one a second (so rates are non-zero and
 * ratios defined), gauges hold a mid-range value below any limit they are compared with.
 */
export function contractExposition(contract: YamlFile, source: string, seconds: number): string {
  const metrics = (((contract.data ?? {}) as { metrics?: ContractMetric[] }).metrics ?? []).filter((m) => m.source === source && m.name !== 'up');
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`# TYPE ${m.name} ${m.type}`);
    for (const set of labelSets(m.labels ?? [])) {
      if (m.type === 'counter') lines.push(`${m.name}${set} ${seconds}`);
      else if (m.type === 'gauge') lines.push(`${m.name}${set} ${/total|size|max|limit/i.test(m.name) ? 1000 : 400}`);
      else {
        const buckets = m.type === 'histogram' ? (m.buckets ?? [0.1, 1]) : [];
        buckets.forEach((le, i) => lines.push(`${m.name}_bucket${withLabel(set, `le="${le}"`)} ${Math.round((seconds * (i + 1)) / buckets.length)}`));
        if (m.type === 'histogram') lines.push(`${m.name}_bucket${withLabel(set, 'le="+Inf"')} ${seconds}`);
        lines.push(`${m.name}_sum${set} ${seconds * 0.2}`, `${m.name}_count${set} ${seconds}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
