import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * How copy k of the canonical tree names things: alert `HighErrorRate` becomes
 * `HighErrorRateS2`, recording rule `job:http_requests:rate5m` becomes
 * `job:http_requests_s2:rate5m` (still level:metric:operations), rule group `x` becomes `x-s2`.
 * Copies keep metric names, jobs and services: a copy is another team's rules over the same
 * metrics, which is why the live stage gives each copy's incident only that copy's groups.
 */
export interface CopyNames {
  k: number;
  alert(name: string): string;
  record(name: string): string;
  group(name: string): string;
  /** Every alert and record name in `text` replaced by its copy-k name. */
  rename(text: string): string;
}

export interface CanonicalNames {
  alerts: string[];
  records: string[];
}

type RuleFile = { groups: { name: string; rules: { alert?: string; record?: string }[] }[] };

/** Alert and record names of the canonical rule files under `root`. */
export function canonicalNames(root: string): CanonicalNames {
  const rules = ['alert_rules.yml', 'recording_rules.yml'].flatMap((f) => (parse(readFileSync(join(root, 'monitoring', f), 'utf8')) as RuleFile).groups.flatMap((g) => g.rules));
  return {
    alerts: rules.flatMap((r) => (r.alert ? [r.alert] : [])),
    records: rules.flatMap((r) => (r.record ? [r.record] : [])),
  };
}

export function copyNames(names: CanonicalNames, k: number): CopyNames {
  const alert = (name: string) => `${name}S${k}`;
  const record = (name: string) => {
    const [level, metric, ops] = name.split(':');
    return `${level}:${metric}_s${k}:${ops}`;
  };
  // Longest first, so a name never matches inside a longer one; word edges keep
  // HighLatency out of HighLatencyP99 and a record out of a longer record.
  const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alerts = new RegExp(`\\b(${byLength(names.alerts).join('|')})\\b`, 'g');
  const records = new RegExp(`(?<![\\w:])(${byLength(names.records).join('|')})(?![\\w:])`, 'g');
  return {
    k,
    alert,
    record,
    group: (name) => `${name}-s${k}`,
    rename: (text) => text.replace(records, (m) => record(m)).replace(alerts, (m) => alert(m)),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
