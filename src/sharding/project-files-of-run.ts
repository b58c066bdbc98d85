import type { TestProject } from 'vitest/node';

export interface ProjectFilesOfRun {
  /** Absolute paths of this project's test files that this run (this shard, under --shard) executes. */
  files: string[];
  shard?: { index: number; count: number };
}

/**
 * Which of a project's test files this vitest process will run, asked from its globalSetup.
 *
 * vitest 4.1 starts a project's globalSetup for the whole run's files, before it shards them:
 * `runFiles` records every file (`state.collectPaths`), calls `initializeGlobalSetup(specs)`, and
 * only then does the pool's `executeTests` keep the shard's part with
 * `sequencer.shard(specs)` (node_modules/vitest/dist/chunks/cli-api.*.js: `runFiles`,
 * `collectTests`, `executeTests`). So a globalSetup that started every stack would start them on
 * each shard, even one holding none of the project's files. Here the same shard is computed
 * with vitest's own sequencer class on the same list it gets: the run's files across every
 * project (vitest shards across projects, by a hash of each file's path: `BaseSequencer.shard`).
 */
export async function projectFilesOfRun(project: TestProject): Promise<ProjectFilesOfRun> {
  const vitest = project.vitest;
  // state.getPaths() is marked experimental in vitest 4.1's types; the check below catches a change.
  const specs = vitest.state.getPaths().flatMap((file) => vitest.getModuleSpecifications(file));
  // vitest calls a project's globalSetup only when the run has files of that project (initializeGlobalSetup).
  if (!specs.some((spec) => spec.project.name === project.name)) {
    throw new Error(
      `project "${project.name}": its globalSetup found none of its files among the run's (vitest.state.getPaths()); ` +
        `this vitest (${vitest.version}) no longer records them before globalSetup: see src/sharding/project-files-of-run.ts`,
    );
  }
  const shard = vitest.config.shard;
  const ofRun = shard ? await new vitest.config.sequence.sequencer(vitest).shard(specs) : specs;
  return { files: ofRun.filter((spec) => spec.project.name === project.name).map((spec) => spec.moduleId), shard };
}
