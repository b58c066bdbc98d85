import { dirname, join } from 'node:path';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { parseDuration } from './duration.js';

export const prometheusConfigFile = 'monitoring/prometheus.yml';

export interface PrometheusSettings {
  /** Rule files as repo-relative paths, in the order prometheus.yml lists them. */
  ruleFiles: string[];
  /** global.evaluation_interval in ms (Prometheus's default is 1m). */
  evaluationIntervalMs: number;
  /** global.scrape_interval in ms (Prometheus's default is 1m). */
  scrapeIntervalMs: number;
  /** The job_name of every scrape config, in order. */
  scrapeJobs: string[];
}

/**
 * What rule tests need from prometheus.yml: which rule files it loads (resolved the way
 * Prometheus does, relative to the config file) and how often it evaluates them, so tests
 * run at production cadence.
 */
export function prometheusSettings(file = prometheusConfigFile): PrometheusSettings {
  return readPrometheusSettings(YamlFile.load(file, 'the Prometheus configuration'));
}

/** The same, from prometheus.yml already parsed (a Workspace holds it). */
export function readPrometheusSettings(yaml: YamlFile): PrometheusSettings {
  const data = (yaml.data ?? {}) as { global?: { evaluation_interval?: string; scrape_interval?: string }; rule_files?: unknown; scrape_configs?: { job_name?: string }[] };
  const interval = data.global?.evaluation_interval ?? '1m';
  const evaluationIntervalMs = parseDuration(String(interval));
  if (!evaluationIntervalMs) {
    throw new ConfigError(yaml.file, `evaluation_interval "${interval}" is not a duration`, 'write it like 15s or 1m', yaml.lineOf(['global', 'evaluation_interval']));
  }
  const scrape = data.global?.scrape_interval ?? '1m';
  const scrapeIntervalMs = parseDuration(String(scrape));
  if (!scrapeIntervalMs) {
    throw new ConfigError(yaml.file, `scrape_interval "${scrape}" is not a duration`, 'write it like 15s or 1m', yaml.lineOf(['global', 'scrape_interval']));
  }
  const listed = data.rule_files;
  if (!Array.isArray(listed) || listed.some((f) => typeof f !== 'string')) {
    throw new ConfigError(yaml.file, 'rule_files must be a list of file names', 'list alert_rules.yml and recording_rules.yml under rule_files', yaml.lineOf(['rule_files']));
  }
  const base = dirname(yaml.file);
  return {
    ruleFiles: (listed as string[]).map((f) => (f.startsWith('/') ? f : join(base, f))),
    evaluationIntervalMs,
    scrapeIntervalMs,
    scrapeJobs: (data.scrape_configs ?? []).map((job) => String(job.job_name)),
  };
}
