import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/config/repo-files.js';
import { containerRuntime } from '../../src/engines/container-runtime.js';
import { labelKeys } from '../../src/engines/harness-labels.js';
import { imageFor } from '../../src/engines/image-pins.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

describe('clean-up after a crash, without Ryuk', () => {
  it('removes the containers and network of a process killed with SIGKILL', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    const missing = await ensureImage(imageFor('prometheus'));
    if (missing) ctx.skip(missing);
    const dockerode = (docker as Exclude<typeof docker, Error>).container.dockerode;

    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/integration/support/start-and-hang.ts'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ pid: number; network: string }>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve(JSON.parse(line) as { pid: number; network: string }));
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before starting its engine`)));
    });
    const ours = { label: [`${labelKeys.ownerPid}=${started.pid}`] };
    expect(await dockerode.listContainers({ all: true, filters: ours })).toHaveLength(1);
    expect((await dockerode.listNetworks({ filters: ours })).map((n) => n.Name)).toEqual([started.network]);

    // tsx runs the script in a process of its own: kill that one, the engine's owner.
    process.kill(started.pid, 'SIGKILL');
    child.kill('SIGKILL');
    await pollUntil(
      async () => ((await dockerode.listContainers({ all: true, filters: ours })).length === 0 && (await dockerode.listNetworks({ filters: ours })).length === 0 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 250, what: "the reaper to remove the killed process's container and network" },
    );
  });
});
