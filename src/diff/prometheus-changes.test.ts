import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { openSide, type SideRole } from './config-side.js';
import { prometheusChanges } from './prometheus-changes.js';
import { Workspace } from '../workspace/workspace.js';

async function sideWith(role: SideRole, interval: string, cluster: string) {
  const root = mkdtempSync(join(tmpdir(), `diff-prom-${role}-`));
  mkdirSync(join(root, 'monitoring'));
  writeFileSync(join(root, 'monitoring/prometheus.yml'), `global:\n  evaluation_interval: ${interval}\n  external_labels:\n    cluster: ${cluster}\nrule_files:\n  - alert_rules.yml\n`);
  const side = await openSide(role, undefined, new Workspace(root));
  return { side, settings: prometheusSettings(side.path('monitoring/prometheus.yml')) };
}

describe('prometheusChanges', () => {
  it('finds nothing when the settings agree (1m and 60s are the same interval)', async () => {
    expect(prometheusChanges(await sideWith('base', '1m', 'prod'), await sideWith('head', '60s', 'prod'))).toEqual([]);
  });

  it("names each setting that changed, at the first one's line", async () => {
    expect(prometheusChanges(await sideWith('base', '15s', 'prod'), await sideWith('head', '30s', 'staging'))).toEqual([
      {
        what: 'monitoring/prometheus.yml',
        change: 'changed',
        fields: ['evaluation_interval 15s → 30s', 'external_labels {cluster="prod"} → {cluster="staging"}'],
        base: { file: 'monitoring/prometheus.yml', line: 2 },
        head: { file: 'monitoring/prometheus.yml', line: 2 },
      },
    ]);
  });
});
