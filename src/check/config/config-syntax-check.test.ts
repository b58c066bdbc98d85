import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSyntaxCheck } from './config-syntax-check.js';

const ctx = { report: () => undefined, notRun: () => undefined };

describe('config/syntax', () => {
  it('is clean on the repository', async () => {
    expect(await configSyntaxCheck.run(ctx)).toEqual([]);
  });
});

describe('config/syntax on a broken checkout', async () => {
  // repoRoot is read once per module load, so the broken tree is checked in a fresh module.
  const root = mkdtempSync(join(tmpdir(), 'check-root-'));
  mkdirSync(join(root, 'monitoring/grafana'), { recursive: true });
  writeFileSync(join(root, 'monitoring/alert_rules.yml'), 'groups:\n  - name: app\n    rules: [\n');
  writeFileSync(join(root, 'monitoring/grafana/d.json'), '{"panels": [1,]}');
  process.env.HARNESS_ROOT = root;
  const { vi } = await import('vitest');
  vi.resetModules();
  const fresh = (await import('./config-syntax-check.js')).configSyntaxCheck;
  delete process.env.HARNESS_ROOT;

  it('names each missing canonical file and what belongs there', async () => {
    const problems = await fresh.run(ctx);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'monitoring/prometheus.yml', message: 'config file is missing', hint: 'create the Prometheus config at monitoring/prometheus.yml' }));
  });

  it('names file and line of YAML and JSON syntax errors', async () => {
    const problems = await fresh.run(ctx);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'monitoring/alert_rules.yml', line: 4, message: expect.stringMatching(/^YAML syntax error/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'monitoring/grafana/d.json', line: 1, message: expect.stringMatching(/^JSON syntax error/) }));
  });
});
