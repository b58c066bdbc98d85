import { describe, expect, it } from 'vitest';
import { childProcessBusyMs, runProcess } from './run-process.js';

function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy on purpose, as a CPU-heavy synchronous check is
  }
}

describe('runProcess', () => {
  it('counts the time its processes run, once for two that overlap (bench/check.ts reads it)', async () => {
    const before = childProcessBusyMs();
    const started = performance.now();
    await Promise.all([runProcess('sleep', ['0.2'], { timeoutMs: 60_000 }), runProcess('sleep', ['0.2'], { timeoutMs: 60_000 }), runProcess('no-such-binary-here', [], { timeoutMs: 60_000 })]);
    const busy = childProcessBusyMs() - before;
    expect(busy).toBeGreaterThanOrEqual(200);
    expect(busy).toBeLessThanOrEqual(performance.now() - started + 1);
  });

  it('collects output and the exit code', async () => {
    const run = await runProcess('sh', ['-c', 'echo out; echo err >&2; exit 3'], { timeoutMs: 60_000 });
    expect(run).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false });
  });

  it('kills a process that does not answer within its budget, and says so', async () => {
    const run = await runProcess('sleep', ['60'], { timeoutMs: 500 });
    expect(run.timedOut).toBe(true);
    expect(run.stderr).toMatch(/sleep was killed: no answer within 0.5 s/);
  });

  it('does not time out a process that answered while the event loop was blocked', async () => {
    const pending = runProcess('sh', ['-c', 'echo answered'], { timeoutMs: 500 });
    blockFor(3_000); // six times the budget; execFile's timeout would have killed it
    const run = await pending;
    expect(run).toMatchObject({ exitCode: 0, stdout: 'answered\n', timedOut: false });
  });

  it('reports a binary that cannot start', async () => {
    const run = await runProcess('/nonexistent/promtool', ['--version'], { timeoutMs: 60_000 });
    expect(run.exitCode).toBe(127);
    expect(run.startError?.message).toMatch(/ENOENT/);
  });
});
