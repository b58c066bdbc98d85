import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateTree, type GeneratedTree } from '../../bench/scale/generate-tree.js';
import { readAlertmanagerConfig, type AlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { matcherMatches } from '../../src/alertmanager/label-matcher.js';
import { routeForLabels } from '../../src/alertmanager/route-for-labels.js';
import { repoRoot } from '../../src/sources/repo-files.js';
import { YamlFile } from '../../src/sources/yaml-file.js';
import { runCheckCli } from './run-check-cli.js';

// The scale bench's tree at 2x (bench/scale/generate-tree.ts), judged against the repository's
// own tree: every alert, recording rule, incident, rule case, runbook, routing scenario,
// dashboard and log case has its copy-2 twin, the copy routes and inhibits among its own alerts
// exactly as the original does among its own, and the whole tree passes `check --strict`.
// Expected names are built here from the repository's files, not from copy-names.ts.

type Rule = { alert?: string; record?: string; expr: string; labels?: Record<string, string> };
type RuleFile = { groups: { name: string; rules: Rule[] }[] };

let tree: GeneratedTree;
beforeAll(() => {
  tree = generateTree(2);
}, 300_000); // copies the tracked files, regenerates the k8s ConfigMaps (a tsx process), commits

afterAll(() => rmSync(tree.root, { recursive: true, force: true }));

const read = (root: string, file: string) => readFileSync(join(root, file), 'utf8');
const rules = (root: string, file: string) => (parse(read(root, file)) as RuleFile).groups;
const alertmanager = (root: string): AlertmanagerConfig => readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', read(root, 'monitoring/alertmanager.yml')));
const files = (root: string, dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => !f.startsWith('README'))
    .sort();
const originalAlerts = () => rules(repoRoot, 'monitoring/alert_rules.yml').flatMap((g) => g.rules.filter((r) => r.alert));
const originalRecords = () => rules(repoRoot, 'monitoring/recording_rules.yml').flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : [])));
const recordCopy = (name: string) => name.replace(/^([^:]+):([^:]+):/, '$1:$2_s2:');

describe('the scale tree at 2x (bench/scale/generate-tree.ts)', () => {
  it('holds every alert and recording rule twice: the original and its renamed copy, in groups of its own', () => {
    const alerts = originalAlerts().map((r) => r.alert!);
    const groups = rules(tree.root, 'monitoring/alert_rules.yml');
    expect(groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : []))).sort()).toEqual([...alerts, ...alerts.map((a) => `${a}S2`)].sort());
    const records = originalRecords();
    const recordGroups = rules(tree.root, 'monitoring/recording_rules.yml');
    expect(recordGroups.flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : []))).sort()).toEqual([...records, ...records.map(recordCopy)].sort());
    // A copy's expressions read only the copy's recording rules, never the original's.
    for (const group of [...groups, ...recordGroups].filter((g) => g.name.endsWith('-s2'))) {
      for (const rule of group.rules) for (const record of records) expect(rule.expr, `${group.name}: ${rule.alert ?? rule.record}`).not.toMatch(new RegExp(`(?<![\\w:])${record}(?![\\w:])`));
    }
    expect(tree.alerts).toBe(alerts.length * 2);
    expect(tree.records).toBe(records.length * 2);
  });

  it('routes each copied alert to the receiver its original goes to', () => {
    const [original, generated] = [alertmanager(repoRoot), alertmanager(tree.root)];
    for (const rule of originalAlerts()) {
      const labels = { ...rule.labels, alertname: rule.alert! };
      expect(routeForLabels(generated.root, { ...labels, alertname: `${rule.alert}S2` }).receiver, `${rule.alert}S2`).toBe(routeForLabels(original.root, labels).receiver);
    }
  });

  it('inhibits between copied alerts exactly where the original inhibits between the originals (negative matchers widened)', () => {
    const [original, generated] = [alertmanager(repoRoot), alertmanager(tree.root)];
    const alerts = originalAlerts().map((r) => ({ ...r.labels, alertname: r.alert! }));
    const copy = (labels: Record<string, string>) => ({ ...labels, alertname: `${labels.alertname}S2` });
    const mutes = (config: AlertmanagerConfig, source: Record<string, string>, target: Record<string, string>) =>
      config.inhibitRules.filter((r) => r.source.every((m) => matcherMatches(m, source)) && r.target.every((m) => matcherMatches(m, target))).map((r) => r.equal.join(','));
    for (const source of alerts) {
      for (const target of alerts) {
        expect(new Set(mutes(generated, copy(source), copy(target))), `${source.alertname}S2 -> ${target.alertname}S2`).toEqual(new Set(mutes(original, source, target)));
      }
    }
  });

  it('has a renamed twin of every incident, rule case, runbook, routing scenario and dashboard', () => {
    const twins: [string, (file: string) => string][] = [
      ['fixtures/incidents', (f) => f.replace(/\.yaml$/, '-s2.yaml')],
      ['fixtures/routing', (f) => f.replace(/\.yaml$/, '-s2.yaml')],
      ['fixtures/rules/recording', (f) => f.replace(/\.yaml$/, '-s2.yaml')],
      ['fixtures/rules/alerts', (f) => f.replace(/^(\w+)\.yaml$/, '$1S2.yaml')],
      ['docs/runbooks', (f) => f.replace(/^(\w+)\.md$/, '$1S2.md')],
      ['monitoring/grafana/dashboards', (f) => f.replace(/\.json$/, '-s2.json')],
    ];
    for (const [dir, twin] of twins) {
      const originals = files(repoRoot, dir);
      expect(files(tree.root, dir), dir).toEqual([...originals, ...originals.map(twin)].sort());
    }
    for (const file of files(repoRoot, 'fixtures/incidents')) {
      type Named = { alert: string; by?: string | string[] };
      const by = (i: Named, suffix: string) => [i.by ?? []].flat().map((n) => `${n}${suffix}`);
      const [a, b] = [repoRoot, tree.root].map((root, i) => parse(read(root, `fixtures/incidents/${i ? file.replace(/\.yaml$/, '-s2.yaml') : file}`)) as { fires?: Named[]; inhibited?: Named[] });
      expect(
        b!.fires?.map((f) => f.alert),
        file,
      ).toEqual(a!.fires?.map((f) => `${f.alert}S2`));
      expect(
        b!.inhibited?.map((i) => [i.alert, by(i, '')]),
        file,
      ).toEqual(a!.inhibited?.map((i) => [`${i.alert}S2`, by(i, 'S2')]));
    }
    const uids = files(tree.root, 'monitoring/grafana/dashboards').map((f) => (JSON.parse(read(tree.root, `monitoring/grafana/dashboards/${f}`)) as { uid: string }).uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(tree.incidents).toBe(files(repoRoot, 'fixtures/incidents').length * 2);
  });

  it('holds every pipeline log case twice, the copy named as such', () => {
    const names = (root: string) => (parse(read(root, 'fixtures/logs/pipeline-cases.yaml')) as { cases: { name: string }[] }).cases.map((c) => c.name);
    const originals = names(repoRoot);
    expect(names(tree.root)).toEqual([...originals, ...originals.map((n) => `${n} (copy 2)`)]);
  });

  it('is committed (the diff stage compares against HEAD) and passes check --strict', async () => {
    expect(existsSync(join(tree.root, '.git'))).toBe(true);
    const { code, output } = await runCheckCli(['--root', tree.root, '--strict']);
    expect(output).toMatch(/\d+ checks, 0 errors/);
    expect(code).toBe(0);
  });

  it('refuses a factor that is not a whole number >= 1', () => {
    expect(() => generateTree(0)).toThrow('the scale factor must be a whole number >= 1, got 0');
  });
});
