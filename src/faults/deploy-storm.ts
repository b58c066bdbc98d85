import type { PostableAlert } from '../alertmanager/alertmanager-api.js';
import { stormAlerts, type StormPart } from './alert-storm.js';

/** How many app instances the bad deploy takes down, and how many of their nodes' disks it fills. */
export const appInstances = 500;
export const fullDisks = 100;

const app = (i: number) => ({ job: 'timetable-app', instance: `app-${i}:3000` });
const node = (i: number) => ({ job: 'node-exporter', instance: `node-${i}:9100` });
const disk = (i: number) => ({ ...node(i), mountpoint: '/var/lib/containerd', device: '/dev/nvme0n1p1', fstype: 'ext4' });
const appJob = () => ({ job: 'timetable-app' });

/**
 * A bad deploy: 500 instances of the app crash-loop on 500 nodes. Every instance is down
 * (ApplicationDown, critical), the app's job-level symptoms fire (5xx, latency, traffic, health),
 * the crash loops keep every node's CPU busy (HighCPUUsage, warning), and on 100 nodes the crash
 * dumps fill the container disk (DiskWillFillIn4Hours, critical, and DiskSpaceLow, warning).
 *
 * `sources` are the alerts inhibit_rules mute with; `targets` the ones they may mute. What must
 * reach a receiver, by monitoring/alertmanager.yml's inhibit_rules:
 * - rule 2 (ApplicationDown mutes the app's symptoms, equal cluster and service): every symptom;
 * - rule 1 (a critical mutes warnings of the same cluster, service and instance): DiskSpaceLow
 *   and HighCPUUsage on the 100 full-disk nodes, and nothing on the other 400.
 */
export function deployStorm(cluster: string): { sources: PostableAlert[]; targets: PostableAlert[]; notified: Record<string, number>; muted: string[] } {
  const of = (part: StormPart) => stormAlerts(part, cluster);
  // Each with $value as its annotation prints it: humanizePercentage, humanizeDuration, humanize.
  const symptoms: Record<string, string> = { HighErrorRate: '41.7%', ElevatedErrorRate: '41.7%', HighLatency: '3.5s', HighLatencyP99: '8s', TrafficDrop: '0.2' };
  return {
    sources: [...of({ rule: 'ApplicationDown', count: appInstances, series: app, value: '0' }), ...of({ rule: 'DiskWillFillIn4Hours', count: fullDisks, series: disk, value: '-1.5Gi' })],
    targets: [
      ...Object.entries(symptoms).flatMap(([rule, value]) => of({ rule, count: 1, series: appJob, value })),
      ...of({ rule: 'HealthCheckFail', count: 1, series: () => ({ ...appJob(), check: 'database' }), value: '12' }),
      ...of({ rule: 'HighCPUUsage', count: appInstances, series: node, value: '97.3%' }),
      ...of({ rule: 'DiskSpaceLow', count: fullDisks, series: disk, value: '4.2%' }),
    ],
    notified: { ApplicationDown: appInstances, DiskWillFillIn4Hours: fullDisks, HighCPUUsage: appInstances - fullDisks },
    muted: [...Object.keys(symptoms), 'HealthCheckFail', 'DiskSpaceLow'],
  };
}
