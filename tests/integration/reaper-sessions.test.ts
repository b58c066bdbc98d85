import { describe, expect, it } from 'vitest';
import { containerRuntime } from '../../src/engines/container-runtime.js';
import { labelKeys } from '../../src/engines/harness-labels.js';
import { imageFor } from '../../src/engines/image-pins.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { sweepOrphans } from '../../src/engines/reaper.js';
import { pollUntil } from '../../src/waiting/poll-until.js';
import { killIfThere, killOwner, startHangingOwner, type HangingOwner } from './support/hanging-owner.js';

// Two runs on one Docker daemon, as two CI jobs or two users of one remote DOCKER_HOST are.
// This test process is run A; B and D are harness processes of their own. D dies whole (its
// reaper too, as when a CI job's machine is torn down): only its session keeper can tell.
// The sweep is limited to B's and D's owner tokens: it never touches other people's runs.
describe('the orphan sweep on a daemon shared by several runs', () => {
  it("removes a dead run's containers and never a live run's", async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    const missing = await ensureImage(imageFor('prometheus'));
    if (missing) ctx.skip(missing);
    const dockerode = (docker as Exclude<typeof docker, Error>).container.dockerode;
    const ownedBy = (run: HangingOwner) => ({ label: [`${labelKeys.owner}=${run.owner}`] });
    const containersOf = async (run: HangingOwner) => dockerode.listContainers({ all: true, filters: ownedBy(run) });

    const [live, dead] = await Promise.all([startHangingOwner(), startHangingOwner()]);
    try {
      for (const run of [live, dead]) expect(run.keeper, `the session keeper did not start: ${run.why}`).toBeDefined();
      expect(await containersOf(live)).toHaveLength(2);

      // D dies whole: its reaper first, so nothing of D cleans up after it.
      killIfThere(dead.reaperPid);
      killOwner(dead);
      await pollUntil(async () => ((await dockerode.getContainer(dead.keeper!).inspect()).State.Running ? undefined : true), {
        timeoutMs: 60_000,
        what: "D's session keeper to exit once its reaper's stream closed",
      });
      expect((await containersOf(dead)).map((c) => c.State).sort()).toEqual(['exited', 'running']); // D's Prometheus still runs: an orphan

      const removed = await sweepOrphans({ owners: [live.owner, dead.owner] });

      expect(removed).toBe(2);
      expect(await containersOf(dead)).toEqual([]);
      expect(await dockerode.listNetworks({ filters: ownedBy(dead) })).toEqual([]);
      expect((await containersOf(live)).map((c) => c.State)).toEqual(['running', 'running']);
      expect((await dockerode.listNetworks({ filters: ownedBy(live) })).map((n) => n.Name)).toEqual([live.network]);
    } finally {
      killOwner(live);
      killOwner(dead);
    }
    // B's own reaper cleans up after B, keeper included.
    await pollUntil(async () => ((await containersOf(live)).length === 0 ? true : undefined), { timeoutMs: 60_000, intervalMs: 250, what: "B's reaper to remove B's containers" });
  }, 480_000);
});
