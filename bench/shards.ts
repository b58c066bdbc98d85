/**
 * Wall time of the suite at 1, 2 and 4 shards, each shard run as its own `vitest run
 * --shard=i/n` process, one after another (as separate CI runners would run them side by side,
 * but on one machine). Prints per shard its wall time, the load average when it started, the
 * stacks its globalSetups started and its summary line; per shard count the sum (machine time)
 * and the longest shard (the wall time of a CI matrix whose runners start together).
 *
 *   npx tsx bench/shards.ts                                  # the projects below
 *   npx tsx bench/shards.ts --project integration            # any vitest filter instead
 *
 * Prints figures only: nothing asserts on time.
 */
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/sources/repo-files.js';
import { runProcess } from '../src/tools/run-process.js';

const defaultProjects = ['unit', 'rules', 'cli', 'logs', 'deploy'].map((p) => `--project=${p}`);

interface ShardRun {
  shard: string;
  seconds: number;
  load: string;
  stacks: string[];
  summary: string;
}

async function runShard(index: number, count: number, filters: readonly string[]): Promise<ShardRun> {
  const shard = count === 1 ? [] : [`--shard=${index}/${count}`];
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const started = performance.now();
  // A bound against a hang (an hour), not a speed claim.
  const result = await runProcess(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', ...shard, ...filters, '--reporter=./src/reporting/summary-reporter.ts'], {
    cwd: repoRoot,
    timeoutMs: 60 * 60_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = (result.stdout + result.stderr).split('\n');
  // A shard that failed keeps its whole output, so the failures can be read afterwards.
  const failed = result.exitCode !== 0;
  const log = join(tmpdir(), `bench-shards-${count}-${index}-${Date.now()}.log`);
  if (failed) writeFileSync(log, result.stdout + result.stderr);
  return {
    shard: count === 1 ? 'unsharded' : `${index}/${count}`,
    seconds,
    load,
    // start-run-stacks.ts prints one line per project with a globalSetup.
    stacks: lines.filter((l) => /^\[[\w-]+\] .*stacks started:/.test(l)).map((l) => l.replace(/ \(left out:.*\)$/, '')),
    summary: `${lines.filter((l) => /^\d+ passed, \d+ failed/.test(l)).at(-1) ?? `no summary line (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''})`}${failed ? `; output in ${log}` : ''}`,
  };
}

const args = process.argv.slice(2);
const filters = args.length ? args : defaultProjects;
console.log(`shards of: vitest run ${filters.join(' ')} (each shard a separate process, one after another)`);
for (const count of [1, 2, 4]) {
  const runs: ShardRun[] = [];
  for (let i = 1; i <= count; i++) {
    const run = await runShard(i, count, filters);
    runs.push(run);
    console.log(`  ${run.shard.padEnd(9)} ${run.seconds.toFixed(1).padStart(6)} s   load ${run.load}   ${run.summary}`);
    for (const s of run.stacks) console.log(`            ${s}`);
  }
  const sum = runs.reduce((t, r) => t + r.seconds, 0);
  const longest = Math.max(...runs.map((r) => r.seconds));
  console.log(`  ${count} shard(s): sum ${sum.toFixed(1)} s, longest shard ${longest.toFixed(1)} s\n`);
}
