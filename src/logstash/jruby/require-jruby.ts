import type { TestContext } from 'vitest';
import { requireStack } from '../../stacks/require-stack.js';
import { JrubyClient } from './jruby-client.js';
import type { JrubyInfo } from './jruby-stack.js';

/**
 * A connection to the run's JRuby (tests/logs/global-setup.ts started it). Skips the test,
 * naming the missing image and how to build it, where this machine cannot run it.
 */
export async function requireJruby(ctx: TestContext): Promise<{ client: JrubyClient; info: JrubyInfo }> {
  const info = requireStack<JrubyInfo>(ctx, 'jruby');
  return { client: await JrubyClient.connect(info), info };
}
