import { Command } from 'commander';
import pc from 'picocolors';
import { allChecks } from '../check/all-checks.js';
import { closeIds, readCheckDoc } from '../check/check-docs.js';
import { formatProblem } from '../check/format-problem.js';
import { runChecks } from '../check/run-checks.js';
import { silenceCheckId } from '../check/silences.js';
import { location } from '../sources/location.js';
import { repoRoot } from '../sources/repo-files.js';
import { carriedLines } from '../deploy/security-lint-check.js';
import { Workspace } from '../workspace/workspace.js';

const program = new Command('check')
  .description('Validate every config under monitoring/ and k8s/ with the real tools and position-keeping parsers.')
  .option('--only <ids...>', 'run only checks whose id starts with one of these')
  .option('--list', 'list the checks and exit')
  .option('--explain <id>', 'print what a check finds, why it matters, how to fix and how to silence it, and exit')
  .option('--json', 'print the findings as JSON')
  .option('--strict', 'fail when a check could not run here (e.g. no promtool and no Docker)')
  .option('--root <dir>', 'check the configs of another checkout (default: this repository)')
  .parse();

const opts = program.opts<{ only?: string[]; list?: boolean; explain?: string; json?: boolean; strict?: boolean; root?: string }>();
// The tree to check: every check reads its sources from this one workspace, each parsed once.
const workspace = new Workspace(opts.root ?? repoRoot);
const selected = allChecks.filter((c) => !opts.only || opts.only.some((prefix) => c.id.startsWith(prefix)));
// Every id a finding can carry: the checks, and the silences' own findings.
const knownIds = [...allChecks.map((c) => c.id), silenceCheckId];

if (opts.list) {
  for (const c of allChecks) console.log(`${c.id.padEnd(36)} ${c.description}`);
  console.log(`${silenceCheckId.padEnd(36)} every \`check: ignore <id> -- <reason>\` comment gives a reason, names a check, and still silences something`);
  console.log(`\nnpm run check -- --explain <id>: what a check finds, why it matters, how to fix it and how to silence it`);
  process.exit(0);
}
if (opts.explain !== undefined) {
  const doc = knownIds.includes(opts.explain) ? readCheckDoc(opts.explain) : undefined;
  if (doc) {
    console.log(doc.trimEnd());
    process.exit(0);
  }
  const close = closeIds(opts.explain, knownIds);
  const known = knownIds.includes(opts.explain);
  console.error(
    `check: ${known ? `${opts.explain} has no doc (docs/checks/${opts.explain}.md is missing)` : `no check has the id ${opts.explain}`}${!known && close.length ? `; close ids: ${close.join(', ')}` : ''}; run with --list to see them`,
  );
  process.exit(2);
}
if (selected.length === 0) {
  console.error(`check: no check id starts with ${opts.only?.join(', ')}; run with --list to see them`);
  process.exit(2);
}

// The ConfigMaps carry monitoring/ files verbatim, silences included: those are the originals'.
const copiedLines = (file: string) => {
  if (!/^k8s\/.*\.ya?ml$/.test(file)) return undefined;
  try {
    return carriedLines(workspace.yaml(file));
  } catch {
    return undefined; // a manifest that does not parse is config/syntax's finding
  }
};
const run = await runChecks(selected, workspace, { knownIds, copiedLines });
const errors = run.problems.filter((p) => p.severity === 'error').length;
const failed = errors > 0 || (opts.strict === true && run.notRun.length > 0);

if (opts.json) {
  console.log(JSON.stringify(run, null, 2));
  process.exit(failed ? 1 : 0);
}

const color = process.stdout.isTTY === true;
const linesOf = (file: string) => (workspace.exists(file) ? workspace.text(file).split('\n') : undefined);
for (const p of run.problems) console.log(`${formatProblem(p, linesOf(p.file), color)}\n`);
for (const r of run.reports) console.log(`${pc.bold(r.title)}\n${r.body}\n`);
for (const n of run.notRun) console.log(`${pc.yellow('not run:')} ${n.what}: ${n.why}`);
for (const s of run.silenced) console.log(`${pc.dim('silenced:')} [${s.problem.check}] ${location(s.problem)} ${s.problem.message}\n  by ${s.at}: ${s.reason}`);

const warnings = run.problems.length - errors;
const silenced = run.silenced.length ? `, ${run.silenced.length} silenced` : '';
console.log(`${selected.length} checks, ${errors} errors, ${warnings} warnings${silenced}${run.notRun.length ? `, ${run.notRun.length} not run` : ''}`);
process.exit(failed ? 1 : 0);
