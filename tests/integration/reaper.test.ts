import { describe, expect, it } from 'vitest';
import { containerRuntime } from '../../src/engines/container-runtime.js';
import { labelKeys } from '../../src/engines/harness-labels.js';
import { imageFor } from '../../src/engines/image-pins.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { killOwner, startHangingOwner } from './support/hanging-owner.js';

describe('clean-up after a crash, without Ryuk', () => {
  it('removes the containers, network and session keeper of a process killed with SIGKILL', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    const missing = await ensureImage(imageFor('prometheus'));
    if (missing) ctx.skip(missing);
    const dockerode = (docker as Exclude<typeof docker, Error>).container.dockerode;

    const started = await startHangingOwner();
    const ours = { label: [`${labelKeys.owner}=${started.owner}`] };
    const containers = await dockerode.listContainers({ all: true, filters: ours });
    expect(started.keeper, `the session keeper did not start: ${started.why}`).toBeDefined();
    expect(containers.map((c) => c.Labels[labelKeys.role] ?? 'engine').sort()).toEqual(['engine', 'keeper']);
    expect((await dockerode.listNetworks({ filters: ours })).map((n) => n.Name)).toEqual([started.network]);

    // tsx runs the script in a process of its own: kill that one, the engine's owner.
    killOwner(started);
    await pollUntil(async () => ((await dockerode.listContainers({ all: true, filters: ours })).length === 0 && (await dockerode.listNetworks({ filters: ours })).length === 0 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: "the reaper to remove the killed process's containers and network",
    });
  }, 360_000);
});
