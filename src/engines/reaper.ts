import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loopTimeout } from '../waiting/loop-time-timeout.js';
import { containerRuntime } from './container-runtime.js';
import { labelKeys, ownerToken, sessionId } from './harness-labels.js';
import { imageFor, type EngineName } from './image-pins.js';
import { deadOwners, type HarnessObject } from './session-liveness.js';

/** What the reaper said about this process's session keeper. */
export interface ReaperStatus {
  /** The reaper's process id (tests kill it to play a machine that died whole). */
  pid?: number;
  /** The keeper container's id, or undefined with why there is none. */
  keeper?: string;
  why?: string;
}

// The keeper runs `cat` from an image the run already has; the stand-ins first (small, local).
const keeperImagesFrom: EngineName[] = ['prometheus', 'alertmanager', 'node-exporter', 'mysqld-exporter', 'database', 'grafana', 'kibana', 'cadvisor', 'elasticsearch', 'logstash'];

let reaper: Promise<ReaperStatus> | undefined;

/**
 * Starts, once per process, the detached reaper that removes this process's containers and
 * networks when it ends, even by a crash or kill -9, and keeps its session keeper
 * (reaper-process.mjs). Resolves once the keeper runs (or could not start: the reaper still
 * cleans up, and other runs then judge this owner by age alone).
 */
export function ensureReaper(): Promise<ReaperStatus> {
  if (process.env.HARNESS_NO_REAPER === 'true') return Promise.resolve({ why: 'HARNESS_NO_REAPER=true' });
  reaper ??= startReaper();
  return reaper;
}

function startReaper(): Promise<ReaperStatus> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'reaper-process.mjs');
  const images = keeperImagesFrom.flatMap((engine) => {
    try {
      return [imageFor(engine).image];
    } catch {
      return []; // not pinned: not a candidate
    }
  });
  const child = spawn(process.execPath, [script, String(process.pid), ownerToken, sessionId, JSON.stringify(images)], { detached: true, stdio: ['ignore', 'pipe', 'ignore'], env: process.env });
  return new Promise<ReaperStatus>((resolve) => {
    const done = (status: Omit<ReaperStatus, 'pid'>) => {
      clock.cancel();
      child.stdout.destroy(); // the reaper writes nothing more; it must not hold this process
      child.unref();
      resolve({ pid: child.pid, ...status });
    };
    // Free loop time: starting a container takes seconds idle, much longer on a loaded machine.
    const clock = loopTimeout(120_000, () => done({ why: 'the reaper did not report its session keeper within 120 s' }));
    createInterface({ input: child.stdout }).once('line', (line) => {
      try {
        const said = JSON.parse(line) as { keeper: string | null; why?: string };
        done(said.keeper ? { keeper: said.keeper } : { why: said.why ?? 'no keeper' });
      } catch {
        done({ why: `the reaper said ${line}` });
      }
    });
    child.once('exit', (code) => done({ why: `the reaper exited (${code}) before its keeper started` }));
  });
}

/**
 * Removes what harness processes left behind once their owner is gone: an owner whose session
 * keeper has exited, or, without a keeper, whose objects are all older than 12 h
 * (session-liveness.ts). A live run's containers are never touched, whichever machine it runs
 * on. `owners` limits the sweep to those owner tokens (tests sweep only what they created).
 * Returns how many containers it removed.
 */
export async function sweepOrphans(options: { owners?: readonly string[] } = {}): Promise<number> {
  const docker = (await containerRuntime()).container.dockerode;
  const filters = { label: [labelKeys.session] };
  const objects: HarnessObject[] = [
    ...(await docker.listContainers({ all: true, filters })).map((c) => ({ kind: 'container' as const, id: c.Id, labels: c.Labels ?? {}, createdMs: c.Created * 1000, state: c.State })),
    ...(await docker.listNetworks({ filters })).map((n) => ({ kind: 'network' as const, id: n.Id, labels: n.Labels ?? {}, createdMs: Date.parse(n.Created ?? '') || 0 })),
  ];
  let removed = 0;
  for (const [owner, owned] of deadOwners(objects, Date.now())) {
    if (options.owners && !options.owners.includes(owner)) continue;
    for (const object of owned.filter((o) => o.kind === 'container')) {
      await docker
        .getContainer(object.id)
        .remove({ force: true, v: true })
        .catch(() => undefined);
      removed++;
    }
    for (const object of owned.filter((o) => o.kind === 'network'))
      await docker
        .getNetwork(object.id)
        .remove()
        .catch(() => undefined);
  }
  return removed;
}
