import { afterAll, type TestContext } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { LogsEngine } from '../../src/logstash/engine/run/engine-run.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';

/**
 * One engine for a test file: the canonical pipeline, its ruby filters on the run's JRuby (the
 * test skips, naming what is missing, without one), started on first use and closed after the
 * file. Call at the top level of the file.
 */
export function canonicalLogsEngine(variables: Readonly<Record<string, string>> = localRunVariables): (ctx: TestContext) => Promise<{ engine: LogsEngine; client: JrubyClient }> {
  let started: Promise<{ engine: LogsEngine; client: JrubyClient }> | undefined;
  afterAll(async () => {
    const s = await started?.catch(() => undefined);
    s?.engine.close();
    s?.client.close();
  });
  return (ctx) => {
    started ??= (async () => {
      const { client } = await requireJruby(ctx);
      return { engine: await LogsEngine.start({ root: repoRoot, ruby: client, variables }), client };
    })();
    return started;
  };
}
