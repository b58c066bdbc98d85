// @stacks alerting
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import type { Delivery } from '../../src/alertmanager/deliveries.js';
import { pagerdutyDetail } from '../../src/alertmanager/payload-expectations.js';
import { RoutingProbe, type AlertTemplate } from '../../src/alertmanager/routing-probe.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';

const config = loadAlertmanagerConfig();

const cpu = (instance: string): AlertTemplate => ({
  labels: { alertname: 'HighCPUUsage', severity: 'warning', service: 'infrastructure', team: 'platform', instance },
  annotations: { summary: `CPU of ${instance} is more than 80% busy`, description: `${instance} has been 93% busy for more than 10 minutes (threshold 80%).` },
});
const diskFilling = (instance: string): AlertTemplate => ({
  labels: { alertname: 'DiskWillFillIn4Hours', severity: 'critical', service: 'infrastructure', team: 'platform', instance, mountpoint: '/' },
  annotations: { summary: `/ of ${instance} will be full within 4 hours`, description: `/ on ${instance} runs out of space within 4 hours.` },
});
const slackTitle = (d: Delivery) => (d.kind === 'slack' ? d.attachment.title : undefined);

describe.concurrent('grouping by alertname, cluster and service', () => {
  it('sends alerts of one group as one Slack message, and a new member at the next group_interval', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const cluster = probe.cluster('grouping slack');
    await probe.fire([cpu('node-1:9100'), cpu('node-2:9100')], cluster);

    const first = await probe.delivery(cluster, () => true, 'the first notification of the HighCPUUsage group');
    expect(slackTitle(first)).toBe(`[FIRING:2] HighCPUUsage · infrastructure · ${cluster}`);
    expect(first.kind === 'slack' && first.attachment.text).toContain('Instance: `node-1:9100`');
    expect(first.kind === 'slack' && first.attachment.text).toContain('Instance: `node-2:9100`');
    expect(first.kind === 'slack' && first.attachment.fallback).toBe(`[FIRING:2] HighCPUUsage · infrastructure · ${cluster}: CPU of node-1:9100 is more than 80% busy (first of 2)`);

    // A third instance joins the open group: one more message, with all three, not one per alert.
    await probe.fire([cpu('node-3:9100')], cluster);
    const second = await probe.delivery(cluster, (d) => slackTitle(d)?.startsWith('[FIRING:3]') === true, 'the group re-sent with its third alert', first.seq);
    const all = await probe.delivered(cluster);
    expect(all.map(slackTitle), 'every message of the group so far').toEqual([slackTitle(first), slackTitle(second)]);
    await probe.resolve([cpu('node-1:9100'), cpu('node-2:9100'), cpu('node-3:9100')], cluster);
  });

  it('keeps another service, and another alert name, in notifications of their own', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const cluster = probe.cluster('grouping split');
    const latency: AlertTemplate = {
      labels: { alertname: 'HighLatency', severity: 'warning', service: 'timetable-app', team: 'backend' },
      annotations: { summary: 'P95 request latency is above 1s' },
    };
    const p99: AlertTemplate = { labels: { alertname: 'HighLatencyP99', severity: 'warning', service: 'timetable-app', team: 'backend' }, annotations: { summary: 'P99 request latency is above 2s' } };
    await probe.fire([cpu('node-1:9100'), latency, p99], cluster);
    const titles = new Set<string>();
    for (const name of ['HighCPUUsage', 'HighLatency', 'HighLatencyP99']) {
      const d = await probe.delivery(cluster, (x) => slackTitle(x)?.includes(`] ${name} ·`) === true, `the ${name} group's own message`);
      titles.add(slackTitle(d)!);
    }
    expect([...titles].sort()).toEqual([
      `[FIRING:1] HighCPUUsage · infrastructure · ${cluster}`,
      `[FIRING:1] HighLatency · timetable-app · ${cluster}`,
      `[FIRING:1] HighLatencyP99 · timetable-app · ${cluster}`,
    ]);
    await probe.resolve([cpu('node-1:9100'), latency, p99], cluster);
  });

  it('pages once per group: one PagerDuty event whose dedup key is the group, the same on resolve', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const cluster = probe.cluster('grouping pagerduty');
    await probe.fire([diskFilling('node-1:9100'), diskFilling('node-2:9100')], cluster);
    // The critical route's group_wait is 5s, 50 ms at this stack's speed: on a busy machine
    // Alertmanager can flush the new group before it has taken in the second alert of the same
    // POST (dispatch.go flushes on its own timer), and the pair follows one group_interval later.
    // Seen once in a whole-suite run at load ~22. Either way it is one PagerDuty incident: every
    // event of the group carries the group's dedup key, which is what is asserted below.
    const page = await probe.delivery(cluster, (d) => d.kind === 'pagerduty' && d.event.payload.summary.startsWith('[FIRING:2]'), 'the page for the DiskWillFillIn4Hours group, with both alerts');
    if (page.kind !== 'pagerduty') throw new Error('unreachable');
    expect(page.event.payload.summary).toBe(`[FIRING:2] DiskWillFillIn4Hours · infrastructure · ${cluster}: / of node-1:9100 will be full within 4 hours (first of 2)`);
    expect(page.event.payload.custom_details).toMatchObject({
      num_firing: pagerdutyDetail(2),
      description: '2 firing\nnode-1:9100 — / on node-1:9100 runs out of space within 4 hours.\nnode-2:9100 — / on node-2:9100 runs out of space within 4 hours.\n',
    });
    // Alertmanager keys an incident by its group: sha256 of the route's key and the group labels.
    // Matching it shows the group is exactly {alertname, cluster, service} under the critical route.
    const groupKey = `{}/{severity="critical"}:{alertname="DiskWillFillIn4Hours", cluster="${cluster}", service="infrastructure"}`;
    expect(page.event.dedup_key).toBe(createHash('sha256').update(groupKey).digest('hex'));
    const pages = (await probe.delivered(cluster)).flatMap((d) => (d.kind === 'pagerduty' ? [d.event.dedup_key] : []));
    expect(new Set(pages), 'every event of the group so far belongs to one incident').toEqual(new Set([page.event.dedup_key]));

    await probe.resolve([diskFilling('node-1:9100'), diskFilling('node-2:9100')], cluster);
    const resolved = await probe.delivery(cluster, (d) => d.kind === 'pagerduty' && d.event.event_action === 'resolve', 'the resolve event of the page', page.seq);
    expect(resolved.kind === 'pagerduty' && resolved.event.dedup_key, 'resolve closes the same incident').toBe(page.event.dedup_key);
  });
});
