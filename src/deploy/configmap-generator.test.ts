import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { regenerateConfigMaps } from './configmap-generator.js';

const manifest = [
  '# a comment that must survive',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: datasources',
  '  annotations:',
  '    timetable.school/sources: monitoring/grafana/provisioning/datasources/*.yaml, monitoring/missing.yml',
  'data:',
  '  stale.yaml: old',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata: { name: keep-flow-style }',
  'spec: { mode: 0440 }',
  '',
].join('\n');

describe('regenerateConfigMaps', () => {
  it('replaces only the data of annotated ConfigMaps, and says which source is missing', () => {
    const { text, missing } = regenerateConfigMaps(YamlFile.parse('k8s/t.yaml', manifest));
    expect(text.startsWith(manifest.slice(0, manifest.indexOf('data:')))).toBe(true);
    expect(text.endsWith(manifest.slice(manifest.indexOf('---')))).toBe(true);
    expect(text).toContain('  prometheus.yaml: |\n    # Grafana data sources');
    expect(text).not.toContain('stale.yaml');
    expect(missing.map((e) => e.message)).toEqual([
      'k8s/t.yaml:6: ConfigMap/datasources names monitoring/missing.yml, which does not exist\n  hint: fix the path in the timetable.school/sources annotation, or create the file',
    ]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const once = regenerateConfigMaps(YamlFile.parse('k8s/t.yaml', manifest)).text;
    expect(regenerateConfigMaps(YamlFile.parse('k8s/t.yaml', once)).text).toBe(once);
  });
});
