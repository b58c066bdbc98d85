import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../sources/repo-files.js';

/**
 * A check is a function of parsed entries: it takes them from ctx.workspace and never opens a
 * file. `npm run layers` (rule checks/open-no-files) forbids a check module to import node:fs or
 * the repository reader; this test catches what an import rule cannot see, a call of a loader
 * that reads the repository on its own (each has a form that takes parsed input or a reader).
 */
const checkModule = /^src\/(.+-check\.ts$|.+\/checks\/.+\.ts$|check\/config\/.+\.ts$)/;
const readsOnItsOwn = [
  'YamlFile.load(',
  'canonicalRules(',
  'prometheusSettings(',
  'loadRuleInventory(',
  'loadAlertmanagerConfig(',
  'loadMetricsContract(',
  'loadScenario(',
  'canonicalIncidentContext(',
  'loadPipelines(',
  'loadK8sManifests(',
  'loadDashboards(',
  'loadProvisioning(',
  'new SourceFiles(',
  'new Workspace(',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('checks open no files', () => {
  const modules = sourceFiles('src')
    .map((f) => relative(repoRoot, join(repoRoot, f)))
    .filter((f) => checkModule.test(f));

  test('finds the check modules', () => {
    expect(modules.length).toBeGreaterThanOrEqual(47);
  });

  test('no check module calls a loader that reads the repository itself', () => {
    const calls = modules.flatMap((file) => {
      const code = readFileSync(join(repoRoot, file), 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
      return readsOnItsOwn.filter((call) => new RegExp(`(^|[^\\w.])${call.replace(/[.(]/g, '\\$&')}`, 'm').test(code)).map((call) => `${file}: ${call}`);
    });
    expect(calls).toEqual([]);
  });
});
