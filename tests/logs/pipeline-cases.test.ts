import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { repoRoot } from '../../src/config/repo-files.js';
import { caseViews } from '../../src/logstash/engine/run/case-view.js';
import { LogsEngine } from '../../src/logstash/engine/run/engine-run.js';
import { requireJruby } from '../../src/logstash/jruby/require-jruby.js';
import type { JrubyClient } from '../../src/logstash/jruby/jruby-client.js';
import { loadPipelineCases, pipelineCasesFile, type PipelineCase } from '../../src/pipeline/log-fixtures.js';
import { eventId } from '../../src/pipeline/run-ids.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';

const cases = loadPipelineCases();
const ids = cases.map((_, i) => eventId('tengine', i));

let started: Promise<{ engine: LogsEngine; client: JrubyClient }> | undefined;
/** One engine for the file (the canonical pipeline, its ruby filters on the run's JRuby). */
function engine(ctx: TestContext): Promise<{ engine: LogsEngine; client: JrubyClient }> {
  started ??= (async () => {
    const { client } = await requireJruby(ctx);
    return { engine: await LogsEngine.start({ root: repoRoot, ruby: client, variables: localRunVariables }), client };
  })();
  return started;
}
afterAll(async () => {
  const s = await started?.catch(() => undefined);
  s?.engine.close();
  s?.client.close();
});

describe(`the canonical pipeline on the offline engine: ${pipelineCasesFile}`, () => {
  it.for(cases.map((c, i) => [`${c.name} (${c.input}, ${pipelineCasesFile}:${c.line})`, c, i] as [string, PipelineCase, number]))('%s', async ([, c, i], ctx) => {
    const { engine: e } = await engine(ctx);
    const result = await e.run(c.input, c.lines.map((l) => l.replaceAll('{{id}}', ids[i]!)));
    recordCoverage(ctx, { pipelineBranches: result.coverage.branches, pipelineOutputs: result.coverage.outputs });
    expect(result.incidents, 'what the inputs lost').toEqual([]);
    const all = result.events.flatMap((ev) => ev.documents);
    const lost = all.filter((d) => d.deadLetter || !d.elasticsearch?.accepted).map((d) => `${d.index}: ${d.deadLetter ?? JSON.stringify(d.elasticsearch)}`);
    expect(lost, 'documents Elasticsearch would not index (lost to the dead letter queue)').toEqual([]);
    const docs = all.filter((d) => d.elasticsearch?.accepted);
    const { actual, expected } = caseViews(c, ids[i]!, docs);
    expect(actual).toEqual(expected);
  });
});
