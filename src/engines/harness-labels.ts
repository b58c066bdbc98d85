import { randomUUID } from 'node:crypto';

/**
 * Labels on everything the harness creates, so that leftovers can be found and removed even
 * after a crash: by the reaper when this process dies, or by the sweep at the next start.
 */
export const sessionId = process.env.HARNESS_SESSION_ID ?? randomUUID();
// Worker processes of the same run inherit the session through the environment.
process.env.HARNESS_SESSION_ID = sessionId;

export const labelKeys = {
  session: 'timetable-harness.session',
  ownerPid: 'timetable-harness.owner-pid',
} as const;

export function harnessLabels(): Record<string, string> {
  return { [labelKeys.session]: sessionId, [labelKeys.ownerPid]: String(process.pid), 'org.testcontainers': 'true' };
}
