import { checkContext } from '../../../tests/support/check-context.js';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSyntaxCheck } from './config-syntax-check.js';

const ctx = checkContext();

describe('config/syntax', () => {
  it('is clean on the repository', async () => {
    expect(await configSyntaxCheck.run(ctx)).toEqual([]);
  });
});

describe('config/syntax on a broken checkout', () => {
  const root = mkdtempSync(join(tmpdir(), 'check-root-'));
  mkdirSync(join(root, 'monitoring/grafana'), { recursive: true });
  writeFileSync(join(root, 'monitoring/alert_rules.yml'), 'groups:\n  - name: app\n    rules: [\n');
  writeFileSync(join(root, 'monitoring/grafana/d.json'), '{"panels": [1,]}');
  const broken = checkContext(root);

  it('names each missing canonical file and what belongs there', async () => {
    const problems = await configSyntaxCheck.run(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'monitoring/prometheus.yml', message: 'config file is missing', hint: 'create the Prometheus config at monitoring/prometheus.yml' }),
    );
  });

  it('names file and line of YAML and JSON syntax errors', async () => {
    const problems = await configSyntaxCheck.run(broken);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'monitoring/alert_rules.yml', line: 4, message: expect.stringMatching(/^YAML syntax error/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'monitoring/grafana/d.json', line: 1, message: expect.stringMatching(/^JSON syntax error/) }));
  });
});
