// @stacks jruby
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNdjson, formatRun } from '../../src/logstash/engine/run/format-run.js';
import { TraceRecorder } from '../../src/logstash/engine/run/trace.js';
import { repoRoot } from '../../src/sources/repo-files.js';
import { canonicalLogsEngine } from '../support/canonical-logs-engine.js';

const engine = canonicalLogsEngine();

// Where a filter with this id starts in the canonical pipeline (the line of its `name {`), so
// the expectations follow edits of the file instead of restating its line numbers.
const conf = 'monitoring/logstash/pipeline/logstash.conf';
function filterAt(id: string): string {
  const lines = readFileSync(join(repoRoot, conf), 'utf8').split('\n');
  const idLine = lines.findIndex((l) => l.trim() === `id => "${id}"`);
  expect(idLine, `no filter with id ${id} in ${conf}`).toBeGreaterThan(0);
  const opening = lines[idLine - 1]!;
  return `${conf}:${idLine}:${opening.indexOf(opening.trim()) + 1}`;
}

const line = '{"@timestamp":"2026-11-26T08:00:00.000Z","level":"ERROR","message":"POST /api/x?token=abc123 500 3ms"}';

// What `npm run logs` prints (src/cli/logs.ts formats an engine run with these).
describe('npm run logs output', () => {
  it('--trace shows the event after each filter at its file:line, and the redactions without the old value', async (ctx) => {
    const { engine: e } = await engine(ctx);
    const trace = new TraceRecorder();
    const text = formatRun(await e.run('tcp', [line], trace.observe), trace);
    expect(text).toContain(`after grok http_request (${filterAt('http_request')}):`);
    expect(text).toContain(`after ruby redact_secrets (${filterAt('redact_secrets')}):`);
    expect(text).toMatch(/redactions:\n {4}\[message\] is now "POST \/api\/x\?token=\[REDACTED\] 500 3ms" \(by ruby redact_secrets/);
    expect(text).toContain('indices: logs-2026.11.26, errors-2026.11.26');
    expect(text).toContain('"duration_ms": 3.0');
  });
  it('--json prints one document a line with its _index, numbers as Logstash writes them', async (ctx) => {
    const { engine: e } = await engine(ctx);
    const lines = formatNdjson(await e.run('tcp', [line, line])).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\{"_index":"logs-2026\.11\.26","@timestamp":"2026-11-26T08:00:00\.000Z",/);
    expect(lines[1]).toMatch(/^\{"_index":"errors-2026\.11\.26",/);
    expect(lines[0]).toContain('"duration_ms":3.0');
  });
});
