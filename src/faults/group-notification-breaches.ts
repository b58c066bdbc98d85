import type { StormNotification } from './storm-notifications.js';

export interface GroupTimers {
  groupIntervalMs: number;
  repeatIntervalMs: number;
}

/**
 * How one group's notifications break what Alertmanager promises for them, as sentences (none:
 * it kept its promise). Alertmanager 0.33.1 flushes a group at most once per group_interval
 * (dispatch/dispatch.go:709 re-arms the timer at each flush) and a flush notifies only when the
 * group changed or repeat_interval passed (notify/dedup_stage.go:52-95 needsUpdate). So while a
 * storm only adds alerts (`phase: 'growing'`) each notification counts more firing alerts than
 * the one before, and while it only resolves them (`'resolving'`) fewer, ending with RESOLVED.
 * The rate bound allows each interval, as seen at the receiver, to be shortened by up to half a
 * group_interval of delivery jitter (rendering and POST times differ between flushes).
 */
export function groupNotificationBreaches(notifications: readonly StormNotification[], phase: 'growing' | 'resolving', timers: GroupTimers): string[] {
  const breaches: string[] = [];
  notifications.forEach((n, k) => {
    const before = notifications[k - 1];
    if (!before) return;
    const apart = n.receivedAt - before.receivedAt;
    const changed = phase === 'growing' ? n.firing > before.firing : n.status === 'resolved' || n.firing < before.firing;
    const repeat = n.firing === before.firing && n.status === before.status && apart >= timers.repeatIntervalMs / 2;
    if (!changed && !repeat) {
      const was = before.status === 'resolved' ? 'RESOLVED' : `${before.firing} firing`;
      breaches.push(
        `#${n.seq} (${n.alertname}, ${n.status === 'resolved' ? 'RESOLVED' : `${n.firing} firing`}) came ${(apart / 1000).toFixed(1)}s after #${before.seq} (${was}) with nothing ${phase === 'growing' ? 'added' : 'resolved'}`,
      );
    }
  });
  if (phase === 'resolving' && notifications.length && notifications.at(-1)!.status !== 'resolved')
    breaches.push(`the last notification of ${notifications[0]!.alertname} (#${notifications.at(-1)!.seq}) is not RESOLVED`);
  const first = notifications[0];
  const last = notifications.at(-1);
  if (first && last) {
    const allowed = 1 + Math.floor((2 * (last.receivedAt - first.receivedAt)) / timers.groupIntervalMs);
    if (notifications.length > allowed)
      breaches.push(
        `${notifications.length} ${phase} notifications of ${first.alertname} within ${((last.receivedAt - first.receivedAt) / 1000).toFixed(1)}s: more than one per half group_interval (${timers.groupIntervalMs / 1000}s) allows (${allowed})`,
      );
  }
  return breaches;
}
