import { inject, type TestContext } from 'vitest';
import type { StackStatus } from './stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stacks: Record<string, StackStatus>;
  }
}

/**
 * The info of a stack this test needs. Skips the test, with the stack's reason, when this
 * machine can't run it; fails it, with the engine's last log lines, when it broke.
 */
export function requireStack<Info>(ctx: TestContext, key: string): Info {
  const status = inject('stacks')?.[key];
  if (!status) throw new Error(`no stack "${key}" was started: add its definition to the project's globalSetup`);
  if (status.state === 'unavailable') ctx.skip(status.reason);
  if (status.state === 'failed') throw new Error(`stack "${key}" failed to start: ${status.reason}`);
  return (status as { info: Info }).info;
}
