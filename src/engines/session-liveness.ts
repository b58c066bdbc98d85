import { labelKeys } from './harness-labels.js';

/** A container or network the harness created, as the Docker API lists it. */
export interface HarnessObject {
  kind: 'container' | 'network';
  id: string;
  labels: Record<string, string>;
  /** When it was created, ms since the epoch. */
  createdMs: number;
  /** Containers only: `running`, `exited`, `created`, ... */
  state?: string;
}

/**
 * An owner (one harness process) is alive while its session keeper runs: a container attached
 * to the owner's reaper by an open stdin stream, which exits the moment that stream closes
 * (StdinOnce), as Ryuk's open socket does. This works for a remote DOCKER_HOST and for runs
 * in other containers or machines, where process ids mean nothing.
 *
 * Owners without a keeper (harness versions before the keeper, a keeper that could not start,
 * or one still starting) are judged by age only: dead when everything of theirs is older than
 * `keeperlessMaxAgeMs` (12 h, the reaper's own lifetime bound).
 */
export const keeperlessMaxAgeMs = 12 * 60 * 60 * 1000;
/** A keeper created but not started yet is still starting, for this long. */
const keeperStartingMs = 5 * 60 * 1000;

/** The objects of owners that are gone, grouped by owner. */
export function deadOwners(objects: readonly HarnessObject[], nowMs: number): Map<string, HarnessObject[]> {
  const byOwner = new Map<string, HarnessObject[]>();
  for (const object of objects) {
    const owner = ownerOf(object);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), object]);
  }
  const dead = new Map<string, HarnessObject[]>();
  for (const [owner, owned] of byOwner) if (!alive(owned, nowMs)) dead.set(owner, owned);
  return dead;
}

/** The owner token; objects of older harness versions are grouped by session and pid. */
function ownerOf(object: HarnessObject): string {
  const token = object.labels[labelKeys.owner];
  return token ? token : `legacy:${object.labels[labelKeys.session] ?? '?'}:${object.labels[labelKeys.ownerPid] ?? '?'}`;
}

function alive(owned: readonly HarnessObject[], nowMs: number): boolean {
  const keepers = owned.filter((o) => o.kind === 'container' && o.labels[labelKeys.role] === 'keeper');
  if (keepers.length > 0) return keepers.some((k) => keeperAlive(k, nowMs));
  return owned.some((o) => nowMs - o.createdMs < keeperlessMaxAgeMs);
}

function keeperAlive(keeper: HarnessObject, nowMs: number): boolean {
  if (keeper.state === 'created') return nowMs - keeper.createdMs < keeperStartingMs;
  return keeper.state !== 'exited' && keeper.state !== 'dead' && keeper.state !== 'removing';
}
