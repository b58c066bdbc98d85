import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import { composePaths, withDefaults } from './compose-paths-check.js';
import { composePolicy } from './compose-policy-check.js';
import { validateCompose } from './compose-schema-check.js';

const compose = (...lines: string[]) => YamlFile.parse('monitoring/c.yml', `${lines.join('\n')}\n`);
const healthy = ['    restart: unless-stopped', '    healthcheck: { test: ["CMD", "true"] }', '    deploy: { resources: { limits: { cpus: "0.5", memory: 1G } } }'];

const inRepository = (path: string) => new SourceFiles(repoRoot).exists(path);

describe('validateCompose (compose-spec schema)', () => {
  it('accepts the repository compose file', () => {
    expect(validateCompose(YamlFile.load(composeFile))).toEqual([]);
  });

  it('fails an unknown key with its line and the nearest real key', () => {
    expect(validateCompose(compose('services:', '  grafana:', '    image: grafana/grafana:10.4.2', '    helthcheck: { test: ["CMD", "true"] }'))).toEqual([
      expect.objectContaining({ check: 'deploy/compose-schema', line: 4, message: 'unknown key "helthcheck" in services.grafana', hint: 'did you mean "healthcheck"?' }),
    ]);
  });

  it('fails a value of the wrong type', () => {
    expect(validateCompose(compose('services:', '  a:', '    image: x:1', '    restart: [always]')).map((p) => p.message)).toEqual(['services.a.restart must be string']);
  });
});

describe('composePolicy', () => {
  it('accepts the repository compose file', () => {
    expect(composePolicy(YamlFile.load(composeFile))).toEqual([]);
  });

  it('names each missing health check, restart policy and limit', () => {
    const problems = composePolicy(compose('services:', '  bare:', '    image: x:1', '    deploy: { resources: { limits: { cpus: "1" } } }'));
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual(['2 service "bare" has no health check', '2 service "bare" has no restart policy', '4 service "bare" has no memory limit']);
  });

  it('fails an undeclared named volume and Prometheus without retention or lifecycle', () => {
    const problems = composePolicy(
      compose('services:', '  prometheus:', '    image: prom/prometheus:v2.42.0', '    command: [--config.file=/etc/prometheus/prometheus.yml]', '    volumes: [prom_data:/prometheus]', ...healthy),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'service "prometheus" mounts the volume "prom_data", which the top-level volumes do not declare',
      'Prometheus runs without --storage.tsdb.retention.time=30d',
      'Prometheus runs without --web.enable-lifecycle',
    ]);
  });
});

describe('composePaths', () => {
  it('accepts the repository compose file', () => {
    const exists = () => true;
    expect(composePaths(YamlFile.load(composeFile), ['alert_rules.yml', 'recording_rules.yml'], exists)).toEqual([]);
  });

  it('fails a path written from monitoring/ instead of the first compose file’s directory, and says so', () => {
    const problems = composePaths(compose('services:', '  prometheus:', '    volumes:', '      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro'), [], inRepository);
    expect(problems).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('mounts ./prometheus.yml, which does not exist from the repository root (monitoring/prometheus.yml exists') }),
    ]);
  });

  it('fails a secret file outside monitoring/secrets/ and a rule file that is not mounted', () => {
    const problems = composePaths(
      compose('services:', '  prometheus:', '    volumes: [./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro]', 'secrets:', '  key:', '    file: ${KEY_FILE:-./pagerduty.key}'),
      ['alert_rules.yml'],
      inRepository,
    );
    expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '6 secret "key" is read from pagerduty.key, outside the git-ignored monitoring/secrets/',
      '3 prometheus.yml loads alert_rules.yml, but nothing is mounted at /etc/prometheus/alert_rules.yml',
    ]);
  });

  it('reads ${VAR:-default} as compose does when VAR is unset', () => {
    expect(withDefaults('${A:-./x}/${B}/${C-y}')).toBe('./x//y');
  });
});
