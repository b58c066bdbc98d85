// @stacks jruby
import { describe, expect, it } from 'vitest';
import { caseViews } from '../../src/logstash/engine/run/case-view.js';
import { loadPipelineCases, pipelineCasesFile, type PipelineCase } from '../../src/log-stack/log-fixtures.js';
import { eventId } from '../../src/log-stack/run-ids.js';
import { recordCoverage } from '../../src/reporting/coverage/coverage-facts.js';
import { repoRoot } from '../../src/sources/repo-files.js';
import { LogsEngine } from '../../src/logstash/engine/run/engine-run.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import { canonicalLogsEngine } from '../support/canonical-logs-engine.js';

const cases = loadPipelineCases();
const ids = cases.map((_, i) => eventId('tengine', i));

/** One engine for the file (the canonical pipeline, its ruby filters on the run's JRuby). */
const engine = canonicalLogsEngine();

describe(`the canonical pipeline on the offline engine: ${pipelineCasesFile}`, () => {
  it.for(cases.map((c, i) => [`${c.name} (${c.input}, ${pipelineCasesFile}:${c.line})`, c, i] as [string, PipelineCase, number]))('%s', async ([, c, i], ctx) => {
    const { engine: e } = await engine(ctx);
    const result = await e.run(
      c.input,
      c.lines.map((l) => l.replaceAll('{{id}}', ids[i]!)),
    );
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

/**
 * The debug output (LOGSTASH_DEBUG_STDOUT=true, as the container tests run Logstash): its clause
 * and stdout output are part of the pipeline's coverage, so this file alone takes every clause
 * and output of the canonical pipeline (the coverage report's pipeline section).
 */
describe('the debug output of the canonical pipeline', () => {
  it('prints each event, redacted, and indexes the same documents as without it', async (ctx) => {
    const { engine: plain, client } = await engine(ctx);
    const debug = await LogsEngine.start({ root: repoRoot, ruby: client, variables: { ...localRunVariables, LOGSTASH_DEBUG_STDOUT: 'true' } });
    try {
      const line = '{"level":"info","message":"tdebug1x a debug-printed line","password":"hunter2-not-printed"}';
      const [withDebug, without] = [await debug.run('tcp', [line]), await plain.run('tcp', [line])];
      recordCoverage(ctx, { pipelineBranches: withDebug.coverage.branches, pipelineOutputs: withDebug.coverage.outputs });
      const printed = withDebug.events.flatMap((e) => e.stdout);
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain('tdebug1x a debug-printed line');
      expect(printed[0]).not.toContain('hunter2-not-printed');
      expect(without.events.flatMap((e) => e.stdout)).toEqual([]);
      const sources = (r: typeof withDebug) => r.events.flatMap((e) => e.documents.map((d) => [d.index, { ...d.source, '@timestamp': undefined }]));
      expect(sources(withDebug)).toEqual(sources(without));
    } finally {
      debug.close();
    }
  });
});
