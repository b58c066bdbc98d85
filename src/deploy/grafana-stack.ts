import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { readRepoFile } from '../sources/repo-files.js';
import { YamlFile } from '../sources/yaml-file.js';
import { hostFromEngines } from '../engines/engine.js';
import { ensureImage } from '../engines/image-availability.js';
import { imageFor } from '../engines/image-pins.js';
import { prometheusSpec } from '../stacks/prometheus-spec.js';
import type { StackDefinition } from '../stacks/stack.js';
import { SyntheticTargetClient, startSyntheticTarget, type StartedSyntheticTarget } from '../stacks/synthetic-target.js';
import { expandPattern } from './configmap-sources.js';
import { contractExposition } from './contract-exposition.js';

export interface GrafanaStackInfo {
  prometheusUrl: string;
  /** Absent when Grafana's image is missing here; `grafanaMissing` then says why. */
  grafana?: { url: string; user: string; password: string };
  grafanaMissing?: string;
}

const provisioning = 'monitoring/grafana/provisioning';

/**
 * A test Prometheus (the pinned image, or its stand-in) named `prometheus`, as the provisioned
 * data source expects, and beside it the official Grafana image with the repository's
 * provisioning and dashboards (where that image is available). Prometheus scrapes, under the canonical job names, one
 * synthetic target per metrics source serving every contract metric, and evaluates the
 * canonical recording rules every second, so every panel has data to show.
 */
export const grafanaStack: StackDefinition<GrafanaStackInfo> = {
  key: 'grafana',
  async start(shared) {
    const contract = YamlFile.load('monitoring/metrics-contract.yml');
    const canonical = YamlFile.load('monitoring/prometheus.yml').data as { scrape_configs: { job_name: string; static_configs?: { targets: string[] }[] }[] };
    const started = Date.now();
    const targets: StartedSyntheticTarget[] = [];
    const feeders: (() => Promise<void>)[] = [];
    const jobs = [];
    for (const job of canonical.scrape_configs) {
      const host = job.static_configs?.[0]?.targets[0]?.split(':')[0] ?? '';
      if (host === 'localhost') {
        jobs.push({ job_name: job.job_name, static_configs: [{ targets: ['localhost:9090'] }] });
        continue;
      }
      const target = await startSyntheticTarget(contractExposition(contract, host, 0));
      targets.push(target);
      const client = new SyntheticTargetClient(target.url);
      feeders.push(() => client.serve(contractExposition(contract, host, Math.round((Date.now() - started) / 1000))));
      jobs.push({ job_name: job.job_name, static_configs: [{ targets: [`${hostFromEngines}:${target.port}`] }] });
    }
    // Counters must grow for rates to be non-zero: one update a second, until the stack stops.
    const feeding = setInterval(() => void Promise.all(feeders.map((f) => f())).catch(() => undefined), 1000);
    const stopTargets = async () => {
      clearInterval(feeding);
      await Promise.all(targets.map((t) => t.stop()));
    };

    try {
      const config = stringify({ global: { scrape_interval: '1s', evaluation_interval: '1s' }, rule_files: ['recording_rules.yml'], scrape_configs: jobs });
      const prometheus = await shared.network.start(prometheusSpec({ config, files: { 'recording_rules.yml': readRepoFile('monitoring/recording_rules.yml') }, name: 'prometheus' }));
      const stop = async () => stopTargets();
      // The Prometheus part runs wherever its image does; Grafana only where its official image is.
      const grafanaImage = imageFor('grafana');
      const grafanaMissing = await ensureImage(grafanaImage);
      if (grafanaMissing) return { info: { prometheusUrl: prometheus.url(9090), grafanaMissing }, stop };
      const password = randomBytes(12).toString('hex');
      const files = [
        ...['datasources', 'dashboards', 'alerting'].flatMap((dir) =>
          expandPattern(`${provisioning}/${dir}/*.yaml`).map((s) => ({ target: `/etc/grafana/provisioning/${dir}/${s.key}`, content: readRepoFile(s.path) })),
        ),
        ...expandPattern('monitoring/grafana/dashboards/*.json').map((s) => ({ target: `/etc/grafana/dashboards/${s.key}`, content: readRepoFile(s.path) })),
      ];
      const grafana = await shared.network.start({
        engine: 'grafana',
        ports: [3000],
        env: { GF_SECURITY_ADMIN_USER: 'admin', GF_SECURITY_ADMIN_PASSWORD: password, GF_AUTH_ANONYMOUS_ENABLED: 'false', GF_USERS_ALLOW_SIGN_UP: 'false' },
        files,
        ready: { http: { port: 3000, path: '/api/health' } },
        startupTimeoutMs: 120_000,
      });
      return { info: { prometheusUrl: prometheus.url(9090), grafana: { url: grafana.url(3000), user: 'admin', password } }, stop };
    } catch (error) {
      await stopTargets();
      throw error;
    }
  },
};
