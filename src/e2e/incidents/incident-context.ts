import type { ReceiverEntry } from '../../alertmanager/alertmanager-config.js';
import { repoRoot } from '../../sources/repo-files.js';
import type { RuleEntry } from '../../prometheus-rules/rule-inventory.js';
import { Workspace } from '../../workspace/workspace.js';

/** A series name an incident may inject, and what the loader knows about it. */
export interface KnownSeries {
  /** Rates read it as a counter: it must never fall, or rate() sees a restart. */
  counter: boolean;
  /** Label names it may carry besides job and instance; undefined for recording rules (their labels are their level). */
  labels?: readonly string[];
  /** Where it is defined, for messages. */
  where: string;
}

/** What incident files are checked against: the canonical rules, contract, jobs and receivers. */
export interface IncidentContext {
  alerts: ReadonlyMap<string, RuleEntry>;
  records: ReadonlyMap<string, RuleEntry>;
  series: ReadonlyMap<string, KnownSeries>;
  /** Scrape job names of prometheus.yml: every injected series carries one. */
  jobs: readonly string[];
  receivers: readonly ReceiverEntry[];
}

/**
 * The context from the repository: alerts and recording rules prometheus.yml loads, the metrics
 * contract (a histogram contributes its _bucket, _count and _sum series), the scrape jobs, and
 * the receivers of alertmanager.yml.
 */
export function canonicalIncidentContext(): IncidentContext {
  return incidentContext(new Workspace(repoRoot));
}

/** The same, from a workspace's parsed sources. */
export function incidentContext(workspace: Workspace): IncidentContext {
  const inventory = workspace.rules();
  const series = new Map<string, KnownSeries>();
  for (const metric of workspace.contract()) {
    if (metric.type === 'histogram' || metric.type === 'summary') {
      if (metric.type === 'histogram') series.set(`${metric.name}_bucket`, { counter: true, labels: [...metric.labels, 'le'], where: metric.where });
      else series.set(metric.name, { counter: false, labels: [...metric.labels, 'quantile'], where: metric.where });
      series.set(`${metric.name}_count`, { counter: true, labels: metric.labels, where: metric.where });
      series.set(`${metric.name}_sum`, { counter: true, labels: metric.labels, where: metric.where });
    } else {
      series.set(metric.name, { counter: metric.type === 'counter', labels: metric.labels, where: metric.where });
    }
  }
  for (const record of inventory.records()) series.set(record.name, { counter: false, where: `${record.file}:${record.line}` });
  const prometheus = workspace.prometheusFile().data as { scrape_configs?: { job_name: string }[] };
  return {
    alerts: new Map(inventory.alerts().map((a) => [a.name, a])),
    records: new Map(inventory.records().map((r) => [r.name, r])),
    series,
    jobs: (prometheus.scrape_configs ?? []).map((j) => j.job_name),
    receivers: workspace.alertmanager().receivers,
  };
}
