import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig } from './alertmanager-config.js';
import { formatMatcher } from './label-matcher.js';

// The production values, as written. The routing tests run these timers 100 times faster
// (time-compression.ts), so this is where the uncompressed numbers are held to the spec.
const config = loadAlertmanagerConfig();
const routeFor = (severity: string) => config.routes.find((r) => r.matchers.map(formatMatcher).join() === `severity="${severity}"`);
const seconds = (ms: number) => ms / 1000;

describe('monitoring/alertmanager.yml as written (production timing)', () => {
  it('routes each severity to its receiver, with the spec response target as group_wait', () => {
    const table = ['critical', 'warning', 'info'].map((s) => {
      const route = routeFor(s);
      return [s, route?.receiver, route && seconds(route.groupWaitMs)];
    });
    expect(table).toEqual([
      ['critical', 'pagerduty-critical', 1],
      ['warning', 'slack-warnings', 5],
      ['info', 'slack-info', 30],
    ]);
  });

  it('re-notifies pages sooner than warnings, and warnings sooner than information', () => {
    const [critical, warning, info] = ['critical', 'warning', 'info'].map((s) => routeFor(s)!);
    expect([critical, warning, info].map((r) => [seconds(r!.groupIntervalMs), seconds(r!.repeatIntervalMs)])).toEqual([
      [60, 3600],
      [300, 4 * 3600],
      [900, 24 * 3600],
    ]);
  });

  it('groups every route by alertname, cluster and service', () => {
    expect(new Set(config.routes.map((r) => r.groupBy.join(',')))).toEqual(new Set(['alertname,cluster,service']));
  });

  it('sends an alert without a known severity to the warnings channel, at warning pace', () => {
    expect([config.root.receiver, seconds(config.root.groupWaitMs)]).toEqual(['slack-warnings', 5]);
  });

  it('posts to its own channel per severity, and sends all-clears where someone acts on them', () => {
    expect(config.receivers.map((r) => [r.name, r.slackChannels, r.pagerduty, r.sendsResolved])).toEqual([
      // The heartbeat is its pings: no resolved message (issue 12).
      ['heartbeat', [], false, []],
      ['pagerduty-critical', [], true, ['pagerduty']],
      ['slack-warnings', ['#timetable-alerts'], false, ['slack']],
      ['slack-info', ['#timetable-info'], false, []],
    ]);
  });

  it('reads secrets only from the files the deployment mounts', () => {
    const text = config.yaml.text;
    expect(text).toContain('slack_api_url_file: /etc/alertmanager/secrets/slack_api_url');
    expect(text).toContain('routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key');
    expect(text).toContain('url_file: /etc/alertmanager/secrets/heartbeat_url');
    expect(text).not.toMatch(/^\s*(api_url|slack_api_url|routing_key|service_key|url):/m);
  });
});
