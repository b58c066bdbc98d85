import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../sources/repo-files.js';
import { projectFilesOfRun } from '../sharding/project-files-of-run.js';
import { selectStacks } from './select-stacks.js';
import { readStackDeclarations } from './stack-declaration.js';
import type { StackDefinition, StackStatus } from './stack.js';
import { startStacks } from './start-stacks.js';
import './require-stack.js';

export interface RunStackOptions {
  /** Honour HARNESS_STACKS (the integration project's manual selection). */
  selectable?: boolean;
}

/**
 * A project's globalSetup: starts the stacks that the run's files (the shard's, under --shard)
 * name in their `// @stacks` line (stack-declaration.ts), with the stacks those need, and no
 * other. A stack left out is `unavailable` with the reason, so a test that asks for it anyway
 * skips saying why. HARNESS_NO_STACKS=1 starts none: for `vitest list`, which imports the test
 * files (and so runs globalSetup) but runs no test.
 */
export async function startRunStacks(project: TestProject, definitions: readonly StackDefinition<unknown>[], options: RunStackOptions = {}): Promise<() => Promise<void>> {
  const run = await projectFilesOfRun(project);
  const declarations = await readStackDeclarations(
    run.files,
    definitions.map((d) => d.key),
  );
  const needed = withNeeds(definitions, Object.values(declarations).flat());
  const ofRun = run.shard ? `shard ${run.shard.index}/${run.shard.count} of this run` : 'this run';
  const statuses: Record<string, StackStatus> = {};
  const leaveOut = (d: StackDefinition<unknown>, reason: string) => (statuses[d.key] = { state: 'unavailable', reason: `stack "${d.key}" not started: ${reason}` });

  const selected = options.selectable ? selectStacks(definitions) : { start: definitions, skipped: {} };
  Object.assign(statuses, selected.skipped);
  let start = selected.start.filter((d) => needed.has(d.key));
  for (const d of selected.start.filter((d) => !needed.has(d.key))) leaveOut(d, `no test file of ${ofRun} names it in its "// @stacks" line`);
  if (process.env.HARNESS_NO_STACKS) {
    for (const d of start) leaveOut(d, `HARNESS_NO_STACKS=${process.env.HARNESS_NO_STACKS} (unset it to start the stacks the tests name)`);
    start = [];
  }
  const started = start.length ? await startStacks(start) : { statuses: {}, stop: async () => undefined };
  Object.assign(statuses, started.statuses);

  const note = `[${project.name}] ${ofRun}: ${run.files.length} file(s); stacks started: ${start.map((d) => d.key).join(', ') || 'none'}`;
  process.stderr.write(
    `${note}${
      start.length < definitions.length
        ? ` (left out: ${definitions
            .filter((d) => !start.includes(d))
            .map((d) => d.key)
            .join(', ')})`
        : ''
    }\n`,
  );
  project.provide('stacks', statuses);
  const byFile = Object.entries(declarations).map(([file, keys]) => [relative(repoRoot, file), keys] as const);
  project.provide('stackDeclarations', Object.fromEntries(byFile));
  // A file leases what it names and what that sends to or reads from (stack-leases.ts).
  const leaseDir = await mkdtemp(join(tmpdir(), `stack-leases-${project.name}-`));
  project.provide('stackLeases', {
    dir: leaseDir,
    keysByFile: Object.fromEntries(byFile.map(([file, keys]) => [file, [...withNeeds(definitions, keys)].sort()])),
  });
  return async () => {
    await started.stop();
    await rm(leaseDir, { recursive: true, force: true });
  };
}

/** The keys named, with every stack they need, transitively. */
function withNeeds(definitions: readonly StackDefinition<unknown>[], keys: readonly string[]): Set<string> {
  const needed = new Set<string>();
  const visit = (key: string) => {
    if (needed.has(key)) return;
    needed.add(key);
    for (const next of definitions.find((d) => d.key === key)?.needs ?? []) visit(next);
  };
  keys.forEach(visit);
  return needed;
}
