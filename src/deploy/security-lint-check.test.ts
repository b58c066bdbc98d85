import { checkContext } from '../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { committedSecrets, securityLintCheck, securityProblemsOfText } from './security-lint-check.js';

const lint = (...lines: string[]) => securityProblemsOfText('f.yml', lines.join('\n')).map((p) => `${p.line} ${p.message}`);

describe('securityProblemsOfText', () => {
  it('fails default credentials, literal or behind a variable default', () => {
    expect(lint('      GF_SECURITY_ADMIN_PASSWORD: admin')).toEqual(['1 GF_SECURITY_ADMIN_PASSWORD is set to the default credential "admin"']);
    expect(lint('  - GF_SECURITY_ADMIN_PASSWORD=${GF_ADMIN_PASSWORD:-admin}')).toEqual(['1 a password variable falls back to "admin" when unset']);
    expect(lint('# login: admin/admin', 'login is admin/admin')).toEqual(['2 admin/admin is named as the credentials']);
    expect(lint('  password: s3cr3t-value')).toEqual(['1 password is set to a literal value']);
  });

  it('accepts a required variable, a *_file field and a secretKeyRef', () => {
    expect(
      lint(
        'GF_SECURITY_ADMIN_PASSWORD: ${GF_ADMIN_PASSWORD:?set it}',
        'api_url_file: /etc/alertmanager/secrets/slack_api_url',
        'routing_key_file: /x',
        'secretKeyRef: { name: grafana-admin, key: admin-password }',
      ),
    ).toEqual([]);
  });

  it('fails secrets in clear: Slack webhooks, PagerDuty keys, private keys', () => {
    expect(lint('api_url: https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXX', 'routing_key: 0123456789abcdef0123456789abcdef', '-----BEGIN RSA PRIVATE KEY-----')).toEqual([
      '1 a Slack webhook URL is committed in clear',
      '2 a PagerDuty routing_key is committed in clear',
      '3 a private key is committed',
    ]);
  });

  it('fails unpinned images', () => {
    expect(lint('    image: grafana/grafana:latest', '  - image: busybox', '    image: localhost:5000/x', '    image: prom/prometheus:v2.42.0')).toEqual([
      '1 image grafana/grafana:latest is not pinned (latest moves)',
      '2 image busybox is not pinned (no tag means latest)',
      '3 image localhost:5000/x is not pinned (no tag means latest)',
    ]);
  });
});

describe('committedSecrets', () => {
  it('fails a Kubernetes Secret that carries its values', () => {
    const manifest = YamlFile.parse('k8s/s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata: { name: grafana-admin }\nstringData:\n  admin-password: hunter2\n');
    expect(committedSecrets(manifest)).toMatchObject([{ line: 4, message: 'Secret/grafana-admin carries its values in git (base64 is not encryption)' }]);
  });
});

describe('securityLintCheck on the repository', () => {
  it('finds nothing in the deploy files this repository owns', async () => {
    const problems = await securityLintCheck.run(checkContext());
    const mine = problems.filter((p) => /^(k8s\/|monitoring\/(docker-compose|grafana\/))/.test(p.file));
    expect(mine).toEqual([]);
  });
});

describe('carriedLines', () => {
  it('covers the data of ConfigMaps that carry monitoring/ files, and nothing else', async () => {
    const { carriedLines } = await import('./security-lint-check.js');
    const manifest = YamlFile.parse(
      'k8s/c.yaml',
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: scripts',
        '  annotations: { timetable.school/sources: monitoring/logstash/scripts/*.rb }',
        'data:',
        '  redact.rb: |',
        "    canary = { 'password' => 'hunter2' }",
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: hand-written }',
        'data:',
        '  password: hunter2',
        '',
      ].join('\n'),
    );
    const lines = carriedLines(manifest);
    expect(lines.has(8)).toBe(true);
    expect(lines.has(14)).toBe(false);
    expect(securityProblemsOfText('k8s/c.yaml', manifest.text, lines).map((p) => p.line)).toEqual([14]);
  });
});
