import { randomUUID } from 'node:crypto';

/**
 * Labels on everything the harness creates, so that leftovers can be found and removed even
 * after a crash: by the reaper when this process dies, or by the sweep at the next start.
 */
export const sessionId = process.env.HARNESS_SESSION_ID ?? randomUUID();
// Worker processes of the same run inherit the session through the environment.
process.env.HARNESS_SESSION_ID = sessionId;

/**
 * This process, as owner of what it creates. Not inherited: each process that creates
 * containers has its own reaper and session keeper (reaper.ts), and a pid means nothing to a
 * run on another machine that shares the Docker daemon, so liveness is judged by this token.
 */
export const ownerToken = randomUUID();

export const labelKeys = {
  session: 'timetable-harness.session',
  owner: 'timetable-harness.owner',
  /** Informational only (which process on which machine): never used to judge liveness. */
  ownerPid: 'timetable-harness.owner-pid',
  /** `keeper` on an owner's session keeper container. */
  role: 'timetable-harness.role',
} as const;

export function harnessLabels(): Record<string, string> {
  return { [labelKeys.session]: sessionId, [labelKeys.owner]: ownerToken, [labelKeys.ownerPid]: String(process.pid), 'org.testcontainers': 'true' };
}
