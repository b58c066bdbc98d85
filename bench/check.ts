import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { allChecks } from '../src/check/all-checks.js';
import { runChecks } from '../src/check/run-checks.js';
import { childProcessBusyMs } from '../src/tools/run-process.js';
import { repoRoot } from '../src/sources/repo-files.js';
import { Workspace } from '../src/workspace/workspace.js';

/**
 * `npm run check` on the canonical configs, in process: the first run (cold: files read and
 * parsed for the first time, tools probed) and the median of the warm runs after it. Each run
 * gets a fresh Workspace, as `npm run check` does: every file is read and parsed again, once. Each figure
 * is split into the time promtool and amtool spent in their own processes (the union of the
 * intervals any of them ran) and the rest, which is the harness's own work: issue 8 aims at <= 2 s
 * warm for that rest on our 2-core machine. The load average is printed, since the machine is
 * shared. Nothing asserts.
 */
export async function benchCheck(runs = 5): Promise<void> {
  const figures: { wall: number; tools: number; problems: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const busy = childProcessBusyMs();
    const started = performance.now();
    const run = await runChecks(allChecks, new Workspace(repoRoot), { knownIds: allChecks.map((c) => c.id) });
    figures.push({ wall: performance.now() - started, tools: childProcessBusyMs() - busy, problems: run.problems.length });
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const show = (f: { wall: number; tools: number }) => `${s(f.wall)} (${s(f.tools)} in promtool/amtool, ${s(f.wall - f.tools)} our own)`;
  const warm = figures.slice(1).sort((a, b) => a.wall - b.wall);
  const median = warm[Math.floor(warm.length / 2)];
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `check, ${allChecks.length} checks on the canonical configs: cold ${show(figures[0]!)}; warm median of ${warm.length} ${median ? show(median) : 'n/a'}; ${figures[0]!.problems} problems; load average ${load}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCheck();
