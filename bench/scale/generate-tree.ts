import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/sources/repo-files.js';
import { appendRuleGroups, copyLogCases, copyRouting } from './copy-config-files.js';
import { copyFixtureFiles } from './copy-fixture-files.js';
import { canonicalNames, copyNames } from './copy-names.js';

export interface GeneratedTree {
  root: string;
  factor: number;
  /** Units of work the stages are divided by. */
  alerts: number;
  records: number;
  incidents: number;
}

/**
 * A valid monitoring tree `factor` times today's size, in a new temporary folder: the
 * repository's tracked files (and .env.images, the local image pins), then factor-1 renamed
 * copies of every alert, recording rule, alert-naming route and inhibit rule, rule test,
 * runbook, incident, routing scenario, dashboard and pipeline log case (copy-*.ts), then the k8s
 * ConfigMaps regenerated from the result, all committed to a fresh git repository so that
 * `diff` has a base. The caller removes the folder.
 *
 *   npx tsx bench/scale/generate-tree.ts 3     # prints the folder
 */
export function generateTree(factor: number): GeneratedTree {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`the scale factor must be a whole number >= 1, got ${factor}`);
  const root = mkdtempSync(join(tmpdir(), `scale-${factor}x-`));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of [...tracked, '.env.images']) {
    if (!existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(root, file));
  }
  const names = canonicalNames(root);
  const copies = Array.from({ length: factor - 1 }, (_, i) => copyNames(names, i + 2));
  if (copies.length > 0) {
    appendRuleGroups(root, copies);
    copyRouting(root, copies);
    copyFixtureFiles(root, copies);
    copyLogCases(root, copies);
    // The ConfigMaps carry monitoring/ verbatim; check fails on drift (deploy/configmap-drift).
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/generate-k8s.ts')], {
      cwd: repoRoot,
      env: { ...process.env, HARNESS_ROOT: root },
      stdio: 'pipe',
    });
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', `canonical tree at ${factor}x`);
  const count = (dir: string, ext: RegExp) => readdirSync(join(root, dir)).filter((f) => ext.test(f)).length;
  return {
    root,
    factor,
    alerts: names.alerts.length * factor,
    records: names.records.length * factor,
    incidents: count('fixtures/incidents', /\.ya?ml$/),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(generateTree(Number(process.argv[2] ?? 1)).root);
