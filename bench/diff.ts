import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../src/sources/repo-files.js';

/**
 * `npm run diff` on the edit issue 14 names: HighErrorRate from 5% to 10%, on a throwaway
 * repository (the canonical configs committed, the edit in the working tree). Prints the command's
 * wall time as a user sees it (tsx start included) and the diff's own figure; the aim is 10 s on
 * our 2-core machine. Also the load average, since the machine is shared. Nothing asserts.
 */
export async function benchDiff(runs = 3): Promise<void> {
  const repo = mkdtempSync(join(tmpdir(), 'bench-diff-'));
  try {
    for (const dir of ['monitoring', 'fixtures']) cpSync(join(repoRoot, dir), join(repo, dir), { recursive: true });
    if (existsSync(join(repoRoot, '.env.images'))) cpSync(join(repoRoot, '.env.images'), join(repo, '.env.images'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: repo });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'canonical');
    const rules = join(repo, 'monitoring/alert_rules.yml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace(/(ratio_rate5m\{job="timetable-app"\} >) 0\.05$/m, '$1 0.10'));
    const cli = [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/diff.ts'), '--root', repo, 'HEAD', '--json'];
    const walls: number[] = [];
    const own: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const stdout = await new Promise<string>((resolve) => execFile(process.execPath, cli, { cwd: repo, maxBuffer: 16 * 1024 * 1024 }, (_error, out) => resolve(out)));
      walls.push(performance.now() - started);
      const report = JSON.parse(stdout) as { wallTimeMs: number; thresholds: { words: string }[] };
      own.push(report.wallTimeMs);
      if (i === 0) console.log(`  ${report.thresholds.map((t) => t.words).join('; ')}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `diff of a one-threshold edit (HighErrorRate 5% → 10%), ${runs} runs: command ${(median(walls) / 1000).toFixed(1)} s median (min ${(Math.min(...walls) / 1000).toFixed(1)} s), of which the diff itself ${(median(own) / 1000).toFixed(1)} s; load average ${load}`,
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDiff();
