import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../src/sources/repo-files.js';

/**
 * A hang bound, as diff-command.ts's: the live run bounds its own waits (the alert's patience, then
 * 60 s for the resolve), but under load its engines alone took 60 s to start (2026-11-29: network
 * 18 s, Alertmanager 43 s, Prometheus more), and 115 s killed a run that was on its way.
 */
const reproduceCli = (args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/reproduce.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });

/**
 * `npm run reproduce -- ...` as the docs show it, run for real (live where Docker and the images
 * are here, simulated otherwise, as the command decides): it must print a timeline and write its
 * report. `--reuse` would leave engines running after the test, so it is checked through --help.
 */
export function reproduceCommandProblems(args: string[]): string[] {
  if (args.includes('--reuse')) {
    const help = reproduceCli(['--help']);
    return help.status === 0 && help.stdout.includes('--reuse') ? [] : [`npm run reproduce -- --help failed (exit ${help.status}):\n${help.stdout}${help.stderr}`];
  }
  const run = reproduceCli(args);
  const output = `${run.stdout}${run.stderr}`;
  if (args.includes('--stop')) return run.status === 0 ? [] : [`npm run reproduce -- --stop failed (exit ${run.status ?? run.signal}):\n${output}`];
  if (run.status === 0 && /^report: reports\/reproduce\/\S+\.html$/m.test(run.stdout) && /firing at /.test(run.stdout)) return [];
  return [`npm run reproduce -- ${args.join(' ')} did not show the alert firing and write its report (exit ${run.status ?? run.signal}):\n${output}`];
}
