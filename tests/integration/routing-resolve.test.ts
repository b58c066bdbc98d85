// @stacks alerting
import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from '../../src/alertmanager/alertmanager-config.js';
import { deliveryMentions, isResolvedDelivery, type Delivery } from '../../src/alertmanager/deliveries.js';
import { RoutingProbe, type AlertTemplate } from '../../src/alertmanager/routing-probe.js';
import type { AlertingStackInfo } from '../../src/stacks/alerting-stack.js';
import { requireStack } from '../../src/stacks/require-stack.js';

const config = loadAlertmanagerConfig();
const runbook = (name: string) => `https://github.com/school-timetable/monitoring/blob/main/docs/runbooks/${name}.md`;
const attachment = (d: Delivery) => (d.kind === 'slack' ? d.attachment : undefined);

describe.concurrent('resolve notifications', () => {
  it('a resolved warning posts a green [RESOLVED] message to #timetable-alerts', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const cluster = probe.cluster('resolve warning');
    const alert: AlertTemplate = {
      labels: { alertname: 'DiskSpaceLow', severity: 'warning', service: 'infrastructure', team: 'platform', instance: 'node-1:9100', mountpoint: '/' },
      annotations: { summary: 'Less than 10% free on / of node-1:9100', runbook_url: runbook('DiskSpaceLow') },
    };
    await probe.fire([alert], cluster);
    const firing = await probe.delivery(cluster, () => true, 'the DiskSpaceLow message');
    await probe.resolve([alert], cluster);
    const resolved = await probe.delivery(cluster, isResolvedDelivery, 'the DiskSpaceLow all-clear', firing.seq);
    expect(resolved.kind === 'slack' && resolved.channel).toBe('#timetable-alerts');
    expect(attachment(resolved)).toMatchObject({
      title: `[RESOLVED] DiskSpaceLow · infrastructure · ${cluster}`,
      color: 'good',
      text: `:white_check_mark: Resolved: *Less than 10% free on / of node-1:9100*\nInstance: \`node-1:9100\`\n:book: <${runbook('DiskSpaceLow')}|Runbook>\n`,
    });
  });

  it('a resolved page resolves the PagerDuty incident it opened', async (ctx) => {
    const stack = requireStack<AlertingStackInfo>(ctx, 'alerting');
    const probe = new RoutingProbe(stack, config);
    const cluster = probe.cluster('resolve page');
    const alert: AlertTemplate = {
      labels: { alertname: 'ApplicationDown', severity: 'critical', service: 'timetable-app', team: 'backend', instance: 'app:3000' },
      annotations: { summary: 'Application app:3000 is not answering scrapes' },
    };
    await probe.fire([alert], cluster);
    const trigger = await probe.delivery(cluster, (d) => d.kind === 'pagerduty', 'the ApplicationDown page');
    await probe.resolve([alert], cluster);
    const resolve = await probe.delivery(cluster, isResolvedDelivery, 'the ApplicationDown resolve event', trigger.seq);
    if (trigger.kind !== 'pagerduty' || resolve.kind !== 'pagerduty') throw new Error('expected PagerDuty events');
    expect(resolve.event).toMatchObject({ event_action: 'resolve', dedup_key: trigger.event.dedup_key, routing_key: stack.routingKey });
    expect(resolve.event.payload.summary).toBe(`[RESOLVED] ApplicationDown · timetable-app · ${cluster}: Application app:3000 is not answering scrapes`);
  });

  it('info sends no all-clear: the next message of the group carries only what fires', async (ctx) => {
    const probe = new RoutingProbe(requireStack<AlertingStackInfo>(ctx, 'alerting'), config);
    const cluster = probe.cluster('resolve info');
    const half = (instance: string): AlertTemplate => ({
      labels: { alertname: 'ErrorBudgetHalfConsumed', severity: 'info', service: 'timetable-app', team: 'backend', instance },
      annotations: { summary: `Half of the 30-day error budget is spent (${instance})` },
    });
    await probe.fire([half('app-1:3000')], cluster);
    const first = await probe.delivery(cluster, () => true, 'the first info message');
    // Resolve one member and add another: the group's next flush (group_interval later) must
    // announce the newcomer and say nothing about the resolved one (send_resolved: false).
    await probe.resolve([half('app-1:3000')], cluster);
    await probe.fire([half('app-2:3000')], cluster);
    const next = await probe.delivery(cluster, (d) => deliveryMentions(d, 'app-2'), 'the info message for the newcomer', first.seq);
    expect(attachment(next)?.title).toBe(`[FIRING:1] ErrorBudgetHalfConsumed · timetable-app · ${cluster}`);
    expect(attachment(next)?.text).not.toContain('app-1:3000');
    expect((await probe.delivered(cluster)).filter(isResolvedDelivery)).toEqual([]);
    await probe.resolve([half('app-2:3000')], cluster);
  });
});
