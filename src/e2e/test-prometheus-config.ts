import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import { prometheusConfigFile, readPrometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { scaleRuleFile } from './test-rule-files.js';
import { compressedTiming, testResendDelayMs, type PrometheusTiming } from './test-timing.js';

/** A scrape job's targets in this run, or why the test copy leaves the job out. */
export type JobTargets = readonly string[] | { drop: string };

export interface TestPrometheusOptions {
  /** The `cluster` external label; unique per Prometheus, so Alertmanager keeps their alerts apart. */
  cluster: string;
  /** host:port of the Alertmanager(s) this run started. */
  alertmanagers: readonly string[];
  /** Every scrape job of prometheus.yml, and no other: its targets here, or the reason to drop it. */
  jobs: Readonly<Record<string, JobTargets>>;
  /** Scrape cadence and rule compression; by default compressedTiming (test-timing.ts). */
  timing?: PrometheusTiming;
  /** Accept remote-written samples this old (history injection), e.g. `31d`. */
  acceptHistory?: string;
  file?: string;
  /** The tree prometheus.yml and its rule files are read from (reproduce's `--root`); default: the repository. */
  sources?: SourceFiles;
}

export interface TestPrometheusConfig {
  config: string;
  /** Rule files under the names prometheus.yml gives them, to be written beside it. */
  ruleFiles: Record<string, string>;
  flags: string[];
  dropped: { job: string; reason: string }[];
  /** How many Alertmanagers it sends to: start it with prometheusSpec's `alertmanagers` so that none of its first alerts is lost. */
  alertmanagers: number;
}

const sdKey = /_sd_configs$/;

/**
 * The test copy of the canonical prometheus.yml. It changes only what a test run must:
 * intervals (test-timing.ts), the `cluster` external label, where alerts go, which targets each
 * job scrapes (the engines this run started; jobs without one are dropped, with the reason
 * recorded in the copy's header), and, for history injection, the out-of-order window. Rule
 * files come through scaleRuleFile. Relabelling, metrics paths and the rest stay canonical.
 */
export function testPrometheusConfig(options: TestPrometheusOptions): TestPrometheusConfig {
  const file = options.file ?? prometheusConfigFile;
  const sources = options.sources ?? new SourceFiles(repoRoot);
  const yaml = sources.yaml(file, 'the Prometheus configuration');
  const shown = yaml.file;
  const doc = parseDocument(yaml.text);
  const fail = (message: string, hint: string, path: (string | number)[]) => new ConfigError(shown, message, hint, yaml.lineOf(path));
  const timing = options.timing ?? compressedTiming;
  const scrape = formatDuration(timing.scrapeIntervalMs);

  doc.setIn(['global', 'scrape_interval'], scrape);
  doc.setIn(['global', 'scrape_timeout'], scrape);
  doc.setIn(['global', 'evaluation_interval'], timing.evaluationInterval);
  doc.setIn(['global', 'external_labels', 'cluster'], options.cluster);
  if (options.acceptHistory) doc.setIn(['storage', 'tsdb', 'out_of_order_time_window'], options.acceptHistory);

  const alertmanagers = doc.getIn(['alerting', 'alertmanagers']);
  if (!isSeq(alertmanagers) || alertmanagers.items.length === 0) throw fail('sends alerts to no Alertmanager', 'add alerting.alertmanagers with a static_configs target', ['alerting']);
  alertmanagers.items.forEach((entry, i) => {
    pointAt(entry, [...options.alertmanagers], () =>
      fail(`alerting.alertmanagers[${i}] is not one static_configs entry`, 'the test copy can only point static_configs at the test Alertmanager', ['alerting', 'alertmanagers', i]),
    );
  });

  const jobs = doc.get('scrape_configs');
  const seen = new Set<string>();
  const dropped: { job: string; reason: string }[] = [];
  if (isSeq(jobs)) {
    jobs.items = jobs.items.filter((entry, i) => {
      const job = isMap(entry) ? String(entry.get('job_name')) : '';
      seen.add(job);
      const targets = options.jobs[job];
      if (targets === undefined)
        throw fail(`scrape job ${job} has no target in this test run`, `map it to an engine of the run, or drop it with a reason (jobs given: ${Object.keys(options.jobs).join(', ')})`, [
          'scrape_configs',
          i,
          'job_name',
        ]);
      if ('drop' in targets) {
        dropped.push({ job, reason: targets.drop });
        return false;
      }
      pointAt(entry, [...targets], () => fail(`scrape job ${job} does not have exactly one static_configs entry`, 'the test copy can only repoint static_configs targets', ['scrape_configs', i]));
      if (isMap(entry) && entry.has('scrape_interval')) entry.set('scrape_interval', scrape);
      if (isMap(entry) && entry.has('scrape_timeout')) entry.set('scrape_timeout', scrape);
      return true;
    });
  }
  const unknown = Object.keys(options.jobs).filter((job) => !seen.has(job));
  if (unknown.length) throw fail(`the test run maps jobs prometheus.yml does not have: ${unknown.join(', ')}`, `its jobs are: ${[...seen].join(', ')}`, ['scrape_configs']);

  const ruleFiles: Record<string, string> = {};
  const resolved = readPrometheusSettings(yaml).ruleFiles;
  ((yaml.data as { rule_files: string[] }).rule_files ?? []).forEach((name, i) => {
    if (name.includes('/') || /[*?[]/.test(name))
      throw fail(`rule file ${name} is not a plain file name beside prometheus.yml`, 'the test copy writes rule files next to the config; name them without directories or globs', ['rule_files', i]);
    ruleFiles[name] = scaleRuleFile(sources.yaml(resolved[i]!, 'a Prometheus rule file'), timing.ruleFactor).text;
  });

  describeChanges(doc, shown, options, timing, dropped);
  const flags = [`--rules.alert.resend-delay=${formatDuration(testResendDelayMs(timing))}`];
  if (options.acceptHistory) flags.push('--web.enable-remote-write-receiver');
  return { config: doc.toString(), ruleFiles, flags, dropped, alertmanagers: new Set(options.alertmanagers).size };
}

/** Replaces the targets of the single static_configs entry of a job or Alertmanager entry. */
function pointAt(entry: unknown, targets: string[], refuse: () => Error): void {
  if (!isMap(entry)) throw refuse();
  const statics = entry.get('static_configs');
  const discovered = entry.items.some((pair) => sdKey.test(String((pair.key as { value?: unknown }).value)));
  if (discovered || !isSeq(statics) || statics.items.length !== 1 || !isMap(statics.items[0])) throw refuse();
  (statics.items[0] as YAMLMap).set('targets', targets);
}

function describeChanges(doc: Document, file: string, options: TestPrometheusOptions, timing: PrometheusTiming, dropped: { job: string; reason: string }[]): void {
  doc.commentBefore = [
    ` Test copy of ${file} (src/e2e/test-prometheus-config.ts). Changed: intervals (scrape ${formatDuration(timing.scrapeIntervalMs)},`,
    ` evaluation ${timing.evaluationInterval}), cluster=${options.cluster}, Alertmanager and scrape targets of this run,`,
    ` every rule's for / keep_firing_for divided by ${timing.ruleFactor}${options.acceptHistory ? `, out-of-order window ${options.acceptHistory} for injected history` : ''}.`,
    ...dropped.map((d) => ` Job ${d.job} dropped: ${d.reason}`),
  ].join('\n');
}
