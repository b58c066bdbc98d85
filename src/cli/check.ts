import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import pc from 'picocolors';
import { resolve } from 'node:path';

const program = new Command('check')
  .description('Validate every config under monitoring/ and k8s/ with the real tools and position-keeping parsers.')
  .option('--only <ids...>', 'run only checks whose id starts with one of these')
  .option('--list', 'list the checks and exit')
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'fail when a check could not run here (e.g. no promtool and no Docker)')
  .option('--root <dir>', 'check the configs of another checkout (default: this repository)')
  .parse();

const opts = program.opts<{ only?: string[]; list?: boolean; json?: boolean; strict?: boolean; root?: string }>();
// The root must be set before the checks load: they resolve paths against it.
if (opts.root) process.env.HARNESS_ROOT = resolve(opts.root);
const { allChecks } = await import('../check/all-checks.js');
const { formatProblem } = await import('../check/format-problem.js');
const { runChecks } = await import('../check/run-checks.js');
const { repoPath } = await import('../config/repo-files.js');
const selected = allChecks.filter((c) => !opts.only || opts.only.some((prefix) => c.id.startsWith(prefix)));

if (opts.list) {
  for (const c of allChecks) console.log(`${c.id.padEnd(36)} ${c.description}`);
  process.exit(0);
}
if (selected.length === 0) {
  console.error(`check: no check id starts with ${opts.only?.join(', ')}; run with --list to see them`);
  process.exit(2);
}

const run = await runChecks(selected);
const errors = run.problems.filter((p) => p.severity === 'error').length;
const failed = errors > 0 || (opts.strict === true && run.notRun.length > 0);

if (opts.json) {
  console.log(JSON.stringify(run, null, 2));
  process.exit(failed ? 1 : 0);
}

const color = process.stdout.isTTY === true;
const linesOf = (file: string) => (existsSync(repoPath(file)) ? readFileSync(repoPath(file), 'utf8').split('\n') : undefined);
for (const p of run.problems) console.log(formatProblem(p, linesOf(p.file), color) + '\n');
for (const r of run.reports) console.log(`${pc.bold(r.title)}\n${r.body}\n`);
for (const n of run.notRun) console.log(`${pc.yellow('not run:')} ${n.what}: ${n.why}`);

const warnings = run.problems.length - errors;
console.log(`${selected.length} checks, ${errors} errors, ${warnings} warnings${run.notRun.length ? `, ${run.notRun.length} not run` : ''}`);
process.exit(failed ? 1 : 0);
