import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../src/sources/repo-files.js';
import { generateTree } from './scale/generate-tree.js';
import { measureProcess } from './scale/measure-process.js';
import { readStageResult } from './scale/stage-result.js';
import { scaleStages, tsxCli } from './scale/scale-stages.js';

interface Row {
  stage: string;
  factor: number;
  units: number;
  unit: string;
  wallMs: number;
  workMs?: number;
  treeRss: number;
  containers: number;
  failed: number | string;
  note?: string;
}

/**
 * The harness at 1x, 3x and 10x today's tree (bench/scale/generate-tree.ts): check, the rule
 * suite, diff, the live incidents (in waves of SCALE_WAVE_SIZE Prometheus) and the offline log
 * engine, each a child process with HARNESS_ROOT on the generated tree, measured for wall time
 * and peak memory (bench/scale/measure-process.ts). Prints time and memory per stage and per unit
 * of work, with each size's per-unit cost as a ratio of 1x's. Nothing asserts.
 *
 *   SCALE_FACTORS=1,3 SCALE_STAGES=check,diff npx tsx bench/scale.ts
 */
export async function benchScale(factors = (process.env.SCALE_FACTORS ?? '1,3,10').split(',').map(Number)): Promise<void> {
  const wanted = process.env.SCALE_STAGES?.split(',').map((s) => s.trim());
  const stages = scaleStages.filter((s) => !wanted || wanted.includes(s.name.split(' ')[0]!));
  const rows: Row[] = [];
  console.log(`scale: sizes ${factors.map((f) => `${f}x`).join(', ')}; load average at start ${loads()}`);
  for (const factor of factors) {
    const tree = generateTree(factor);
    try {
      console.log(`  ${factor}x: ${tree.alerts} alerts, ${tree.records} recording rules, ${tree.incidents} incidents (tree ${tree.root})`);
      for (const stage of stages) {
        stage.before?.(tree);
        const m = await measureProcess(process.execPath, [tsxCli, ...stage.script(tree)], { HARNESS_ROOT: tree.root }, repoRoot);
        const reported = readStageResult(m.stdout);
        const units = reported?.units ?? stage.units?.(tree) ?? 0;
        const failed = reported ? reported.failed : stage.name === 'diff' ? (m.exitCode > 1 ? `exit ${m.exitCode}` : 0) : m.exitCode === 0 ? 0 : `exit ${m.exitCode}`;
        if (failed !== 0) console.log(`    ${stage.name} at ${factor}x: ${failed} failed\n${(m.stderr + m.stdout).split('\n').slice(-15).join('\n')}`);
        rows.push({
          stage: stage.name,
          factor,
          units,
          unit: stage.unit,
          wallMs: m.wallMs,
          workMs: reported?.workMs,
          treeRss: m.peakTreeRss,
          containers: m.peakContainers,
          failed,
          note: reported?.note,
        });
        console.log(`    ${stage.name}: ${seconds(m.wallMs)}, ${units} ${stage.unit}s; load average ${loads()}`);
      }
    } finally {
      rmSync(tree.root, { recursive: true, force: true });
    }
  }
  printTable(rows);
}

function printTable(rows: Row[]): void {
  const base = (r: Row) => rows.find((b) => b.stage === r.stage && b.factor === Math.min(...rows.filter((x) => x.stage === r.stage).map((x) => x.factor)));
  const perUnit = (r: Row) => (r.workMs ?? r.wallMs) / r.units;
  const header = ['stage', 'size', 'units', 'wall', 'work', 'work per unit', 'ratio per unit', 'peak RSS (tree)', 'peak containers', 'failed'];
  const body = rows.map((r) => [
    r.stage,
    `${r.factor}x`,
    `${r.units} ${r.unit}s`,
    seconds(r.wallMs),
    r.workMs === undefined ? '(= wall)' : seconds(r.workMs),
    `${perUnit(r).toFixed(1)} ms`,
    `${(perUnit(r) / perUnit(base(r)!)).toFixed(2)}x`,
    mib(r.treeRss),
    r.containers ? mib(r.containers) : '-',
    String(r.failed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  console.log(`\nScale table (${new Date().toISOString().slice(0, 16)}Z, load average now ${loads()}); ratio per unit = work per unit / the smallest size's`);
  for (const line of [header, ...body]) console.log(`| ${line.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);
  for (const r of rows.filter((x) => x.note)) console.log(`  ${r.stage} ${r.factor}x: ${r.note}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchScale();
