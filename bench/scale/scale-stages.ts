import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/sources/repo-files.js';
import type { GeneratedTree } from './generate-tree.js';

/** One stage of the scale bench: the command it runs on a generated tree, and its unit of work. */
export interface ScaleStage {
  name: string;
  unit: string;
  /** Script (repository-relative) and arguments, run with tsx and HARNESS_ROOT set to the tree. */
  script(tree: GeneratedTree): string[];
  /** Units when the script does not report them (the CLIs). */
  units?(tree: GeneratedTree): number;
  before?(tree: GeneratedTree): void;
}

const rules = (tree: GeneratedTree) => tree.alerts + tree.records;
const alertRules = (tree: GeneratedTree) => join(tree.root, 'monitoring/alert_rules.yml');

export const scaleStages: readonly ScaleStage[] = [
  { name: 'check', unit: 'rule', script: (t) => ['src/cli/check.ts', '--root', t.root, '--strict'], units: rules },
  { name: 'rule suite', unit: 'case', script: () => ['bench/scale/stage-rules.ts'] },
  {
    name: 'diff',
    unit: 'rule',
    // The edit of bench/diff.ts (HighErrorRate 5% -> 10%) in the working tree, against HEAD.
    before: (t) => writeFileSync(alertRules(t), readFileSync(alertRules(t), 'utf8').replace(/(ratio_rate5m\{job="timetable-app"\} >) 0\.05$/m, '$1 0.10')),
    script: (t) => ['src/cli/diff.ts', '--root', t.root, 'HEAD', '--json'],
    units: rules,
  },
  { name: 'incidents', unit: 'incident', script: () => ['bench/scale/stage-incidents.ts'] },
  { name: 'logs engine', unit: 'log case', script: () => ['bench/scale/stage-logs.ts'] },
];

export const tsxCli = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
