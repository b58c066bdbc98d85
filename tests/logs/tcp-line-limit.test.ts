// @stacks jruby
import { describe, expect, it, type TestContext } from 'vitest';
import { carriesId } from '../../src/log-stack/run-ids.js';
import { canonicalLogsEngine } from '../support/canonical-logs-engine.js';

/**
 * Audit 2.6: a JSON line over the tcp input's decode_size_limit_bytes makes logstash-core's
 * BufferedTokenizer throw, nothing rescues it, and Netty closes the connection: the line and
 * whatever the connection still carried are lost. A 2 MiB line (a stack trace, a dumped
 * payload) followed by an ordinary one, on one connection: both must be indexed. (Too long
 * for a case of fixtures/logs/pipeline-cases.yaml, so it is made here.)
 */
const canonical = canonicalLogsEngine();
const engine = async (ctx: TestContext) => (await canonical(ctx)).engine;

describe('the tcp input and a long line (audit 2.6)', () => {
  it('a 2 MiB JSON line and the line after it on the same connection are both indexed', async (ctx) => {
    const long = JSON.stringify({ message: `tlimitn1x payload ${'x'.repeat(2 * 1024 * 1024)}` });
    const result = await (await engine(ctx)).run('tcp', [long, '{"message":"tlimitn2x the next line"}']);
    expect(result.incidents, 'what the input lost').toEqual([]);
    const docs = result.events.flatMap((e) => e.documents).filter((d) => d.index.startsWith('logs-') && d.elasticsearch?.accepted);
    expect(['tlimitn1x', 'tlimitn2x'].map((id) => docs.filter((d) => carriesId(d.source.message, id)).length)).toEqual([1, 1]);
  }, 600_000);
});
