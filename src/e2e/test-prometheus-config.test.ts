import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configErrorOf } from '../../tests/support/config-error-of.js';
import { YamlFile } from '../sources/yaml-file.js';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { testPrometheusConfig, type TestPrometheusOptions } from './test-prometheus-config.js';
import { scrapeFaithfulTiming } from './test-timing.js';

const jobs: TestPrometheusOptions['jobs'] = {
  'timetable-app': ['host.docker.internal:41234'],
  'node-exporter': ['e2e-node-exporter:9100'],
  cadvisor: { drop: 'no cAdvisor image on this machine' },
  'mysqld-exporter': ['e2e-mysqld-exporter:9104'],
  prometheus: ['localhost:9090'],
  alertmanager: ['e2e-alertmanager:9093'],
};
const options: TestPrometheusOptions = { cluster: 'e2e-abc', alertmanagers: ['e2e-alertmanager:9093'], jobs };

/** A prometheus.yml (and an empty rule file) in a directory of its own. */
function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-prometheus-config-'));
  writeFileSync(join(dir, 'rules.yml'), 'groups: []\n');
  writeFileSync(join(dir, 'prometheus.yml'), text);
  return join(dir, 'prometheus.yml');
}

describe('testPrometheusConfig', () => {
  it('changes intervals, cluster, Alertmanager and targets of the canonical file, and nothing else', () => {
    const canonical = YamlFile.load('monitoring/prometheus.yml').data as Record<string, any>;
    const copy = testPrometheusConfig(options);
    const data = parse(copy.config) as Record<string, any>;
    expect(data.global).toEqual({
      ...canonical.global,
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '250ms',
      external_labels: { ...canonical.global.external_labels, cluster: 'e2e-abc' },
    });
    expect(data.alerting).toEqual({ alertmanagers: [{ static_configs: [{ targets: ['e2e-alertmanager:9093'] }] }] });
    expect(data.rule_files).toEqual(canonical.rule_files);
    const expectedJobs = canonical.scrape_configs
      .filter((job: { job_name: string }) => job.job_name !== 'cadvisor')
      .map((job: { job_name: string }) => ({ ...job, static_configs: [{ targets: jobs[job.job_name] }] }));
    expect(data.scrape_configs).toEqual(expectedJobs);
    expect(data.storage).toBeUndefined();
    expect(copy.dropped).toEqual([{ job: 'cadvisor', reason: 'no cAdvisor image on this machine' }]);
    expect(copy.config).toContain('# Job cadvisor dropped: no cAdvisor image on this machine');
    expect(copy.flags).toEqual(['--rules.alert.resend-delay=15s']);
  });

  it('carries the scaled rule files under the names prometheus.yml gives them', () => {
    const copy = testPrometheusConfig(options);
    expect(Object.keys(copy.ruleFiles)).toEqual(['alert_rules.yml', 'recording_rules.yml']);
    expect(copy.ruleFiles['alert_rules.yml']).toMatch(/alert: ApplicationDown\n\s+expr: up\{job="timetable-app"\} == 0\n\s+for: 600ms\n/);
  });

  it('accepts injected history when asked: out-of-order window and the remote-write receiver', () => {
    const copy = testPrometheusConfig({ ...options, acceptHistory: '31d', jobs: Object.fromEntries(Object.keys(jobs).map((j) => [j, { drop: 'fed by injection' }])) });
    const data = parse(copy.config) as Record<string, any>;
    expect(data.storage).toEqual({ tsdb: { out_of_order_time_window: '31d' } });
    expect(data.scrape_configs).toEqual([]);
    expect(copy.flags).toContain('--web.enable-remote-write-receiver');
  });

  it('names a job the run has no target for, at its line', () => {
    const { cadvisor: _, ...withoutCadvisor } = jobs;
    const error = configErrorOf(() => testPrometheusConfig({ ...options, jobs: withoutCadvisor }));
    expect(error.file).toBe('monitoring/prometheus.yml');
    expect(error.line).toBe(YamlFile.load('monitoring/prometheus.yml').lines.findIndex((l) => l.includes('job_name: cadvisor')) + 1);
    expect(error.reason).toBe('scrape job cadvisor has no target in this test run');
  });

  it('refuses a job the canonical file does not have', () => {
    const error = configErrorOf(() => testPrometheusConfig({ ...options, jobs: { ...jobs, blackbox: ['x:1'] } }));
    expect(error.reason).toBe('the test run maps jobs prometheus.yml does not have: blackbox');
  });

  it('refuses jobs found by service discovery: their targets cannot be repointed', () => {
    const file = configFile(
      'alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [am:9093]\nrule_files: [rules.yml]\nscrape_configs:\n  - job_name: app\n    file_sd_configs:\n      - files: [targets.json]\n',
    );
    const error = configErrorOf(() => testPrometheusConfig({ ...options, file, jobs: { app: ['x:1'] } }));
    expect([error.line, error.reason]).toEqual([7, 'scrape job app does not have exactly one static_configs entry']);
  });

  it('refuses rule files in other directories, which the copy could not place', () => {
    const file = configFile('alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [am:9093]\nrule_files:\n  - rules/*.yml\nscrape_configs: []\n');
    const error = configErrorOf(() => testPrometheusConfig({ ...options, file, jobs: {} }));
    expect([error.line, error.reason]).toEqual([6, 'rule file rules/*.yml is not a plain file name beside prometheus.yml']);
  });
});

describe('testPrometheusConfig with the scrape-faithful timing of the live stack', () => {
  it('compresses scrapes, evaluations and every for by one factor, so a for spans as many scrapes as in production', () => {
    const timing = scrapeFaithfulTiming(prometheusSettings());
    expect(timing).toEqual({ scrapeIntervalMs: 2500, ruleFactor: 6, evaluationInterval: '2s500ms' });
    const copy = testPrometheusConfig({ ...options, timing });
    const data = parse(copy.config) as Record<string, any>;
    expect([data.global.scrape_interval, data.global.scrape_timeout, data.global.evaluation_interval]).toEqual(['2s500ms', '2s500ms', '2s500ms']);
    // 1m ÷ 6 is 10s, but never under 15s (testResendDelayMs).
    expect(copy.flags).toContain('--rules.alert.resend-delay=15s');
    // ApplicationDown's for: 1m over 15s scrapes is four scrapes; here 10s over 2.5s scrapes.
    expect(copy.ruleFiles['alert_rules.yml']).toMatch(/alert: ApplicationDown\n\s+expr: [^\n]+\n\s+for: 10s\n/);
  });

  it("refuses a test scrape interval that does not divide production's", () => {
    expect(() => scrapeFaithfulTiming({ scrapeIntervalMs: 15_000, evaluationIntervalMs: 15_000 }, 2000)).toThrow("must be a whole multiple of the test's (2000 ms)");
  });
});
