import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { Workspace } from './workspace.js';

/** A tree of configs in a temporary folder: the root a Workspace is given, never the environment. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'workspace-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const prometheus = 'global:\n  evaluation_interval: 15s\nrule_files:\n  - alert_rules.yml\n';
const rules = 'groups:\n  - name: app\n    rules:\n      - alert: Down\n        expr: up == 0\n';

describe('Workspace', () => {
  test('reads its own root, and names files relative to it', () => {
    const workspace = new Workspace(tree({ 'monitoring/prometheus.yml': prometheus, 'monitoring/alert_rules.yml': rules }));
    expect(workspace.prometheus().ruleFiles).toEqual(['monitoring/alert_rules.yml']);
    expect(
      workspace
        .rules()
        .alerts()
        .map((r) => `${r.file}:${r.line} ${r.name}`),
    ).toEqual(['monitoring/alert_rules.yml:4 Down']);
  }, 10_000);

  test('loads and parses each source once: every reader gets the same parse', () => {
    const root = tree({ 'monitoring/prometheus.yml': prometheus, 'monitoring/alert_rules.yml': rules });
    const workspace = new Workspace(root);
    const inventory = workspace.rules();
    expect(workspace.rules()).toBe(inventory);
    expect(workspace.yaml('monitoring/alert_rules.yml')).toBe(inventory.files[0]);
    // A later edit on disk is not seen by this workspace: it read the file once. A new one sees it.
    writeFileSync(join(root, 'monitoring/alert_rules.yml'), rules.replace('Down', 'Gone'));
    expect(workspace.rules().alerts()[0]?.name).toBe('Down');
    expect(new Workspace(root).rules().alerts()[0]?.name).toBe('Gone');
  }, 10_000);

  test('a source that does not parse throws its ConfigError at file:line, the same one to every caller', () => {
    const workspace = new Workspace(tree({ 'monitoring/prometheus.yml': prometheus, 'monitoring/alert_rules.yml': 'groups:\n  - name: app\n    rules: [\n' }));
    const first = (() => {
      try {
        workspace.rules();
      } catch (error) {
        return error;
      }
    })();
    expect(first).toBeInstanceOf(ConfigError);
    expect(first).toMatchObject({ file: 'monitoring/alert_rules.yml', line: 4 });
    expect(() => workspace.rules()).toThrow(first as Error);
  }, 10_000);

  test('a missing source is a ConfigError that names it and what belongs there', () => {
    const workspace = new Workspace(tree({}));
    expect(() => workspace.alertmanager()).toThrow(
      expect.objectContaining({ file: 'monitoring/alertmanager.yml', hint: 'create the Alertmanager configuration at monitoring/alertmanager.yml, or fix the path that names it' }),
    );
  }, 10_000);
});
