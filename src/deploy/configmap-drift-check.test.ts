import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../sources/repo-files.js';
import { YamlFile } from '../sources/yaml-file.js';
import { regenerateConfigMaps } from './configmap-generator.js';
import { configMapDrift } from './configmap-drift-check.js';

const configMap = (annotation: string | undefined, data = '{}') =>
  YamlFile.parse(
    'k8s/test.yaml',
    ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: prometheus-config', ...(annotation ? ['  annotations:', `    timetable.school/sources: ${annotation}`] : []), `data: ${data}`, ''].join(
      '\n',
    ),
  );

/** A manifest brought up to date by the generator, as `npm run generate:k8s` would. */
const generated = (annotation: string) => YamlFile.parse('k8s/test.yaml', regenerateConfigMaps(configMap(annotation)).text);

describe('configMapDrift', () => {
  it('accepts what the generator writes, byte for byte (prometheus.yml and a glob of dashboards)', () => {
    expect(configMapDrift([generated('monitoring/prometheus.yml')], [])).toEqual([]);
    const dashboards = generated('monitoring/grafana/dashboards/*.json');
    expect(configMapDrift([dashboards], [])).toEqual([]);
    const data = dashboards.data as { data: Record<string, string> };
    expect(data.data['system-overview.json']).toBe(readFileSync(repoPath('monitoring/grafana/dashboards/system-overview.json'), 'utf8'));
  });

  it('names the key, its line and the first differing line of the source when a file changed', () => {
    const stale = YamlFile.parse('k8s/test.yaml', generated('monitoring/prometheus.yml').text.replace('scrape_interval: 15s', 'scrape_interval: 30s'));
    const [p] = configMapDrift([stale], []);
    const sourceLine =
      readFileSync(repoPath('monitoring/prometheus.yml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('scrape_interval: 15s')) + 1;
    expect(p).toMatchObject({
      check: 'deploy/configmap-drift',
      file: 'k8s/test.yaml',
      line: 8,
      message: `ConfigMap/prometheus-config key "prometheus.yml" differs from monitoring/prometheus.yml (first at line ${sourceLine} of that file)`,
    });
    expect(p!.hint).toContain('npm run generate:k8s');
  });

  it('reports a missing key, a key no file explains, and a source that does not exist', () => {
    expect(configMapDrift([configMap('monitoring/prometheus.yml')], []).map((p) => p.message)).toEqual(['ConfigMap/prometheus-config has no key "prometheus.yml" for monitoring/prometheus.yml']);
    const upToDate = generated('monitoring/prometheus.yml').text;
    const extra = YamlFile.parse('k8s/test.yaml', `${upToDate}  leftover.yml: |\n    old\n`);
    expect(configMapDrift([extra], [])).toMatchObject([{ line: upToDate.split('\n').length, message: 'ConfigMap/prometheus-config key "leftover.yml" comes from no file its annotation names' }]);
    expect(configMapDrift([configMap('monitoring/nope.yml')], []).map((p) => p.message)).toEqual(['ConfigMap/prometheus-config carries monitoring/nope.yml, which does not exist']);
  });

  it('warns about a ConfigMap that does not say what it carries', () => {
    expect(configMapDrift([configMap(undefined)], [])).toMatchObject([{ severity: 'warning', line: 3 }]);
  });

  it('fails when a file Kubernetes needs is carried by no ConfigMap', () => {
    const problems = configMapDrift([generated('monitoring/prometheus.yml')], ['monitoring/prometheus.yml', 'monitoring/recording_rules.yml']);
    expect(problems).toMatchObject([{ file: 'monitoring/recording_rules.yml', message: 'no ConfigMap in k8s/ carries monitoring/recording_rules.yml, so Kubernetes runs without it' }]);
  });
});
