import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { containerRuntime } from './container-runtime.js';
import { labelKeys, sessionId } from './harness-labels.js';

let started = false;

/**
 * Starts, once per process, the detached reaper that removes this process's containers and
 * networks when it ends, even by a crash or kill -9 (reaper-process.mjs).
 */
export function ensureReaper(): void {
  if (started || process.env.HARNESS_NO_REAPER === 'true') return;
  started = true;
  const script = join(dirname(fileURLToPath(import.meta.url)), 'reaper-process.mjs');
  const child = spawn(process.execPath, [script, String(process.pid), sessionId], { detached: true, stdio: 'ignore', env: process.env });
  child.unref();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what earlier harness processes on this machine left behind and whose owner is gone
 * (e.g. the reaper itself was killed too). Returns how many containers it removed.
 */
export async function sweepOrphans(): Promise<number> {
  const docker = (await containerRuntime()).container.dockerode;
  const orphan = (labels: Record<string, string> | undefined) => {
    const pid = Number(labels?.[labelKeys.ownerPid]);
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  };
  let removed = 0;
  for (const info of await docker.listContainers({ all: true, filters: { label: [labelKeys.ownerPid] } })) {
    if (!orphan(info.Labels)) continue;
    await docker.getContainer(info.Id).remove({ force: true, v: true }).catch(() => undefined);
    removed++;
  }
  for (const info of await docker.listNetworks({ filters: { label: [labelKeys.ownerPid] } })) {
    if (orphan(info.Labels)) await docker.getNetwork(info.Id).remove().catch(() => undefined);
  }
  return removed;
}
