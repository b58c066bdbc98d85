import { JrubyClient } from '../../jruby/jruby-client.js';
import { jrubyStack, type JrubyInfo } from '../../jruby/jruby-stack.js';
import type { StackDefinition } from '../../../stacks/stack.js';
import { startStacks } from '../../../stacks/start-stacks.js';
import { LogsEngine } from './engine-run.js';

/**
 * The engine with a JRuby of its own (a container built offline, or the local jruby of the
 * pinned version), for `npm run logs`: started once, stopped at the end.
 */
export async function startLogsEngine(options: {
  root: string;
  file?: string;
  variables?: Record<string, string>;
  progress?: (message: string) => void;
}): Promise<{ engine: LogsEngine; stop: () => Promise<void> }> {
  const t0 = performance.now();
  options.progress?.('logs: starting JRuby for the ruby filters...');
  const started = await startStacks([jrubyStack as StackDefinition<unknown>]);
  const status = started.statuses.jruby;
  if (status?.state !== 'ready') {
    await started.stop();
    throw new Error(`JRuby could not start: ${status && 'reason' in status ? status.reason : 'no status'}`);
  }
  const client = await JrubyClient.connect(status.info as JrubyInfo);
  try {
    const engine = await LogsEngine.start({ root: options.root, file: options.file, ruby: client, variables: options.variables });
    options.progress?.(`logs: engine ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return {
      engine,
      stop: async () => {
        engine.close();
        client.close();
        await started.stop();
      },
    };
  } catch (error) {
    client.close();
    await started.stop();
    throw error;
  }
}
