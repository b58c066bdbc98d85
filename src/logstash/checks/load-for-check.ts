import type { CheckContext } from '../../check/check.js';
import { ConfigError } from '../../sources/config-error.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Pipeline } from '../pipeline-files.js';

/**
 * The canonical pipelines for a check that builds on the parse. When they do not parse,
 * logstash/syntax reports the error once; the other checks say they could not run.
 */
export function pipelinesFor(ctx: CheckContext<Workspace>, checkId: string): Pipeline[] | undefined {
  try {
    return ctx.workspace.pipelines();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ctx.notRun(checkId, 'the Logstash pipeline does not load; see logstash/syntax');
    return undefined;
  }
}
