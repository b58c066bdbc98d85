import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { composeFile } from '../engines/image-pins.js';
import { loadK8sManifests } from './k8s-manifests.js';
import { alertmanagerFile, filesAlertmanagerReads, secretFilesMounted } from './secret-files-check.js';

const config = YamlFile.parse(
  'monitoring/am.yml',
  [
    'global:',
    '  slack_api_url_file: /etc/alertmanager/secrets/slack_api_url',
    'receivers:',
    '  - name: pd',
    '    pagerduty_configs:',
    '      - routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key',
    '',
  ].join('\n'),
);

describe('secretFilesMounted', () => {
  it('accepts the repository files', () => {
    expect(secretFilesMounted(YamlFile.load(alertmanagerFile), YamlFile.load(composeFile), loadK8sManifests())).toEqual([]);
  });

  it('finds every *_file path with its line', () => {
    expect(filesAlertmanagerReads(config)).toEqual([
      { key: 'slack_api_url_file', path: '/etc/alertmanager/secrets/slack_api_url', line: 2 },
      { key: 'routing_key_file', path: '/etc/alertmanager/secrets/pagerduty_routing_key', line: 6 },
    ]);
  });

  it('counts the templates glob as the directory it lists', () => {
    const withTemplates = YamlFile.parse('monitoring/am.yml', "templates:\n  - '/etc/alertmanager/templates/*.tmpl'\nroute: { receiver: x }\n");
    expect(filesAlertmanagerReads(withTemplates)).toEqual([{ key: 'templates', path: '/etc/alertmanager/templates', line: 2 }]);
    const compose = YamlFile.parse('c.yml', 'services:\n  alertmanager:\n    image: prom/alertmanager:v0.25.0\n    volumes: ["./monitoring/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro"]\n');
    expect(secretFilesMounted(withTemplates, compose, []).map((p) => `${p.line} ${p.message} | ${p.hint}`)).toEqual([
      `2 templates reads /etc/alertmanager/templates, which the compose service "alertmanager" does not mount | mount ./monitoring/alertmanager/templates at /etc/alertmanager/templates in the alertmanager service of ${composeFile}`,
      '2 templates reads /etc/alertmanager/templates, which no volume of the Alertmanager pod in k8s/ mounts | mount a ConfigMap carrying the templates at /etc/alertmanager/templates',
    ]);
  });

  it('fails a file that compose or k8s does not mount', () => {
    const compose = YamlFile.parse('c.yml', 'services:\n  alertmanager:\n    image: prom/alertmanager:v0.25.0\n    secrets: [{ source: s, target: /etc/alertmanager/secrets/slack_api_url }]\n');
    const k8s = YamlFile.parse(
      'k8s/t.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: am }\nspec:\n  template:\n    spec:\n      containers:\n        - { name: am, image: "prom/alertmanager:v0.25.0", volumeMounts: [{ name: s, mountPath: /etc/alertmanager/secrets }] }\n',
    );
    expect(secretFilesMounted(config, compose, [k8s]).map((p) => `${p.line} ${p.message}`)).toEqual([
      '6 routing_key_file reads /etc/alertmanager/secrets/pagerduty_routing_key, which the compose service "alertmanager" does not mount',
    ]);
    expect(secretFilesMounted(config, compose, []).map((p) => p.message)).toContain(
      'slack_api_url_file reads /etc/alertmanager/secrets/slack_api_url, which no volume of the Alertmanager pod in k8s/ mounts',
    );
  });
});
