import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeStackLeases } from './stack-leases.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stack-leases-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (holder: string, timeoutMs = 30_000) => ({ dir, holder, timeoutMs, intervalMs: 20 });

describe('stack leases', () => {
  it('lets a second file take a stack only after the first released it', async () => {
    const releaseFirst = await takeStackLeases(['faults'], options('tests/integration/a.test.ts'));
    const events: string[] = [];
    const second = takeStackLeases(['faults'], options('tests/integration/b.test.ts')).then((release) => {
      events.push('second took it');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    events.push('first releases');
    await releaseFirst();
    await (await second)();
    expect(events).toEqual(['first releases', 'second took it']);
    expect(existsSync(join(dir, 'faults'))).toBe(false);
  });

  it('lets files that share no stack hold theirs at once', async () => {
    const a = await takeStackLeases(['alerting'], options('a'));
    const b = await takeStackLeases(['faults', 'smoke'], options('b', 1_000));
    await Promise.all([a(), b()]);
  });

  it('names the file in the way when a wait runs out, and keeps nothing it took meanwhile', async () => {
    const held = await takeStackLeases(['faults'], options('tests/integration/faults-receiver.test.ts'));
    // "alerting" sorts first: taken, then given back when "faults" never frees.
    await expect(takeStackLeases(['faults', 'alerting'], options('tests/integration/other.test.ts', 300))).rejects.toThrow(
      /stack "faults" to be free for tests\/integration\/other\.test\.ts; last seen: held by tests\/integration\/faults-receiver\.test\.ts/,
    );
    expect(existsSync(join(dir, 'alerting'))).toBe(false);
    await held();
  });

  it('gives each stack to exactly one of several processes asking at once', async () => {
    // Workers are processes: each child takes the lease, notes when it holds it, and releases.
    const script = join(dir, 'taker.mjs');
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs';
       const { takeStackLeases } = await import(${JSON.stringify(new URL('./stack-leases.ts', import.meta.url).pathname)});
       const release = await takeStackLeases(['shared'], { dir: ${JSON.stringify(dir)}, holder: process.argv[2], timeoutMs: 60_000, intervalMs: 10 });
       appendFileSync(${JSON.stringify(join(dir, 'log'))}, 'in ' + process.argv[2] + '\\n');
       await new Promise((r) => setTimeout(r, 50));
       appendFileSync(${JSON.stringify(join(dir, 'log'))}, 'out ' + process.argv[2] + '\\n');
       await release();`,
    );
    const tsx = join(process.cwd(), 'node_modules/tsx/dist/loader.mjs');
    const runs = ['p1', 'p2', 'p3', 'p4'].map(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const child = fork(script, [name], { execArgv: ['--import', tsx], stdio: 'inherit' });
          child.on('error', reject);
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    const log = readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
    expect(log).toHaveLength(8);
    // Never two holders at once: every "in" is followed by the same process's "out".
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace('in ', 'out '));
  }, 120_000);
});
