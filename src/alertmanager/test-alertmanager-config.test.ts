import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../sources/repo-files.js';
import { writeTempFiles } from '../../tests/support/test-files.js';
import { testAlertmanagerConfig } from './test-alertmanager-config.js';

const base = { captureFromEngines: 'http://host.docker.internal:4000', pathPrefix: '/alerting', timeFactor: 100 };
const fromText = (text: string) => testAlertmanagerConfig({ ...base, file: writeTempFiles({ 'am.yml': text }).path('am.yml') });

describe('the canonical config made safe for a test run', () => {
  it('writes the secret files it names with capture URLs, and points PagerDuty at the capture server', () => {
    const prepared = testAlertmanagerConfig(base);
    expect(prepared.files['secrets/slack_api_url']).toBe('http://host.docker.internal:4000/alerting/slack/webhook\n');
    expect(prepared.files['secrets/pagerduty_routing_key']).toBe(`${prepared.routingKey}\n`);
    const config = parse(prepared.config) as { global: Record<string, string>; route: Record<string, unknown>; receivers: unknown };
    expect(config.global.pagerduty_url).toBe('http://host.docker.internal:4000/alerting/pagerduty/v2/enqueue');
    expect(config.global.slack_api_url_file).toBe('/etc/alertmanager/secrets/slack_api_url');
    // Receivers and inhibition rules are the canonical ones, untouched.
    const canonical = parse(readRepoFile('monitoring/alertmanager.yml')) as Record<string, unknown>;
    expect(config.receivers).toEqual(canonical.receivers);
    expect((config as Record<string, unknown>).inhibit_rules).toEqual(canonical.inhibit_rules);
  });

  it("writes a webhook receiver's url_file with the capture server's webhook URL (the heartbeat)", () => {
    const prepared = fromText(`route: {receiver: hb}\nreceivers:\n  - name: hb\n    webhook_configs: [{url_file: /etc/alertmanager/secrets/heartbeat_url}]\n`);
    expect(prepared.files['secrets/heartbeat_url']).toBe('http://host.docker.internal:4000/alerting/webhook\n');
    expect(prepared.webhookPath).toBe('/alerting/webhook');
  });

  it('brings the repo templates along, where the config says they are', () => {
    const prepared = testAlertmanagerConfig(base);
    const names = Object.keys(prepared.files).filter((f) => f.startsWith('templates/'));
    expect(names).toContain('templates/slack.tmpl');
    expect(prepared.files['templates/slack.tmpl']).toBe(readRepoFile('monitoring/alertmanager/templates/slack.tmpl'));
  });

  it('compresses the routing timers by the factor', () => {
    const config = parse(testAlertmanagerConfig(base).config) as { route: { group_wait: string; routes: { group_wait: string; group_interval: string }[] } };
    expect(config.route.routes.map((r) => [r.group_wait, r.group_interval])).toEqual([
      ['0s', '600ms'],
      ['50ms', '3s'],
      ['10ms', '600ms'],
      ['10ms', '600ms'],
      ['50ms', '3s'],
      ['300ms', '9s'],
    ]);
  });

  it('refuses what would send real traffic or bypass the secret files', () => {
    expect(() => fromText(`route: {receiver: a}\nreceivers:\n  - name: a\n    webhook_configs: [{url: 'https://example.com/hook'}]\n`)).toThrow(/inline webhook url/);
    expect(() => fromText(`route: {receiver: a}\nreceivers:\n  - name: a\n    email_configs: [{to: 'x@example.com'}]\n`)).toThrow(/receiver a uses email_configs/);
    expect(() => fromText(`route: {receiver: a}\nreceivers:\n  - name: a\n    slack_configs: [{api_url: 'https://hooks.slack.com/x'}]\n`)).toThrow(/inline slack api_url/);
    expect(() => fromText(`route: {receiver: a}\nreceivers:\n  - name: a\n    pagerduty_configs: [{routing_key: abc}]\n`)).toThrow(/inline PagerDuty key/);
    expect(() => fromText(`route: {receiver: a}\nreceivers:\n  - name: a\n    pagerduty_configs: [{routing_key_file: /run/secrets/pd}]\n`)).toThrow(/outside \/etc\/alertmanager\/secrets/);
    expect(() => fromText(`templates: ['/opt/t/*.tmpl']\nroute: {receiver: a}\nreceivers: [{name: a}]\n`)).toThrow(/template glob \/opt\/t\/\*\.tmpl is outside/);
  });
});
