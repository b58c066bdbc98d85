import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

/**
 * The README's examples, run as written: every ```ts block as a program from the repository
 * root (what "save it as example.ts and run npx tsx example.ts" does), compared with the
 * ```text block printed under it; then the example server started with the README's command
 * and its curl block run against it. The only change: PORT=0 instead of 3000, and the port
 * it printed put into the curl lines, so the test never collides with a real server on 3000.
 */
const readmePath = join(repoRoot, 'app/metrics/README.md');
const readme = readFileSync(readmePath, 'utf8');
const blocks = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]!, line: readme.slice(0, m.index).split('\n').length }));
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const run = promisify(execFile);

describe('app/metrics/README.md', () => {
  const programs = blocks.flatMap((block, i) => (block.lang === 'ts' ? [{ ...block, prints: blocks[i + 1]?.lang === 'text' ? blocks[i + 1]!.code : undefined }] : []));

  it('has examples to run', () => {
    expect(programs.length).toBeGreaterThanOrEqual(3);
  });

  it.each(programs.map((p) => [`the example at README.md:${p.line}`, p] as const))(
    '%s runs and prints what the README shows',
    async (_name, program) => {
      const { stdout } = await run(tsx, ['--input-type=module', '-e', program.code], { cwd: repoRoot, timeout: 150_000 });
      expect(program.prints, 'a ```text block showing the output follows the example').toBeDefined();
      expect(stdout.trim()).toBe(program.prints!.trim());
    },
    180_000,
  ); // a tsx process each: seconds idle, tens of seconds on a loaded machine

  it('its example-server commands work as written', async (ctx) => {
    const curl = await run('curl', ['--version']).then(
      () => true,
      () => false,
    );
    if (!curl) return ctx.skip("curl is not on the PATH, so the README's curl lines cannot run: apt-get install -y curl");
    const shell = blocks.filter((b) => b.lang === 'sh').map((b) => b.code.trim());
    const start = shell.find((code) => code.includes('app/example-server.ts'));
    const calls = shell.find((code) => code.startsWith('curl'));
    expect(start, 'a ```sh block that starts the example server').toBeDefined();
    expect(calls, 'a ```sh block of curl calls').toBeDefined();

    const server = spawn('bash', ['-c', start!.replace('PORT=3000', 'PORT=0')], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const address = await pollUntil(
        () => /listening on http:\/\/(127\.0\.0\.1:\d+)/.exec(output)?.[1],
        { timeoutMs: 120_000, what: 'the example server to print its address' },
        () => output,
      );
      const { stdout } = await run('bash', ['-e', '-o', 'pipefail', '-c', calls!.replaceAll('127.0.0.1:3000', address)], { cwd: repoRoot, timeout: 120_000 });
      expect(stdout).toContain('"pool":{"active":9,"max":10}');
      expect(stdout).toContain('db_connections_active 9\ndb_connections_max 10\n');
    } finally {
      process.kill(-server.pid!, 'SIGTERM'); // the whole group: bash, npx, tsx, node
    }
  }, 300_000);
});
