import { relative } from 'node:path';
import { inject, type TestContext } from 'vitest';
import { repoRoot } from '../sources/repo-files.js';
import type { StackStatus } from './stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stacks: Record<string, StackStatus>;
    /** Each test file of the run and the stacks its `// @stacks` line names (stack-declaration.ts), by path from the repo root. */
    stackDeclarations: Record<string, string[]>;
    /** Where the run's stack leases live, and the stacks each file leases: what it names, with their needs (stack-leases.ts). */
    stackLeases: { dir: string; keysByFile: Record<string, string[]> };
  }
}

/**
 * The info of a stack this test needs. Fails the test when its file does not name the stack in
 * its `// @stacks` line (a shard would start it only by luck); skips it, with the stack's
 * reason, when this machine can't run it or this run left it out; fails it, with the engine's
 * last log lines, when it broke.
 */
export function requireStack<Info>(ctx: TestContext, key: string): Info {
  const file = relative(repoRoot, ctx.task.file.filepath);
  const declared = inject('stackDeclarations')?.[file];
  if (!declared)
    throw new Error(
      `${file} is not among the files this run's globalSetup computed for it (src/sharding/project-files-of-run.ts disagrees with vitest's shard, or the file was added in watch mode: restart vitest)`,
    );
  if (!declared.includes(key)) {
    throw new Error(`${file} uses stack "${key}" but does not name it: write "// @stacks ${[...declared, key].join(', ')}" at the top of the file (src/stacks/stack-declaration.ts)`);
  }
  const status = inject('stacks')?.[key];
  if (!status) throw new Error(`no stack "${key}" was started: add its definition to the project's globalSetup`);
  if (status.state === 'unavailable') ctx.skip(status.reason);
  if (status.state === 'failed') throw new Error(`stack "${key}" failed to start: ${status.reason}`);
  return (status as { info: Info }).info;
}
