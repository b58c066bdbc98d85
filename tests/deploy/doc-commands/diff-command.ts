import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../src/sources/repo-files.js';

const git = (...args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
const diffCli = (args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/diff.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });

/**
 * `npm run diff -- <revs>` as the docs show it, run for real: it must reach a verdict (exit 0,
 * no change, or 1, a change; other engineers' commits decide which) and print its summary. In
 * a shallow clone (CI's `actions/checkout` fetches one commit) a revision like HEAD~1 is not
 * there to compare: the command's form and the CLI's help are checked instead.
 */
export function diffCommandProblems(args: string[]): string[] {
  const revisions = args.filter((a) => !a.startsWith('-'));
  const shallow = git('rev-parse', '--is-shallow-repository').stdout.trim() === 'true';
  if (shallow && revisions.some((rev) => git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).status !== 0)) {
    const help = diffCli(['--help']);
    return help.status === 0 && /<base-rev>/.test(help.stdout) ? [] : [`npm run diff -- --help failed (exit ${help.status}):\n${help.stdout}${help.stderr}`];
  }
  const run = diffCli(args);
  const output = `${run.stdout}${run.stderr}`;
  // Text or --markdown (`**Behaviour changed**: ...`): either way the verdict starts a line.
  if ((run.status === 0 || run.status === 1) && /^(\*\*)?(No behaviour changed|Behaviour changed)/m.test(run.stdout)) return [];
  return [`npm run diff -- ${args.join(' ')} reached no verdict (exit ${run.status ?? run.signal}):\n${output}`];
}
