import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { readAlertmanagerConfig } from './alertmanager-config.js';

const read = (text: string) => readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', text));

const text = `route:
  receiver: a
  group_by: [alertname]
  group_wait: 5s
  routes:
    - matchers: ['severity="critical"']
      receiver: b
      group_wait: 1s
    - match: {team: x}
      match_re: {service: 'db|cache'}
inhibit_rules:
  - source_matchers: [alertname="Down"]
    target_matchers:
      - alertname=~"A|B"
    equal: [cluster]
receivers:
  - name: a
    slack_configs: [{channel: '#a'}]
  - name: b
    pagerduty_configs: [{routing_key_file: /k, send_resolved: false}]
`;

describe('reading alertmanager.yml with positions', () => {
  it('walks the routing tree, applying what children inherit', () => {
    const config = read(text);
    expect(config.routes.map((r) => [r.line, r.depth, r.receiver, r.groupWaitMs, r.groupIntervalMs])).toEqual([
      [1, 0, 'a', 5000, 300_000],
      [6, 1, 'b', 1000, 300_000],
      [9, 1, 'a', 5000, 300_000],
    ]);
    expect(config.routes[2]!.ownReceiver).toBeUndefined();
    expect(config.routes[2]!.groupBy).toEqual(['alertname']);
    expect(config.routes[2]!.matchers).toEqual([
      { name: 'team', op: '=', value: 'x', line: 9 },
      { name: 'service', op: '=~', value: 'db|cache', line: 10 },
    ]);
  });

  it('reads receivers with their integrations and whether they send resolved', () => {
    expect(read(text).receivers).toEqual([
      { name: 'a', line: 17, slackChannels: ['#a'], pagerduty: false, webhook: false, sendsResolved: [] },
      { name: 'b', line: 19, slackChannels: [], pagerduty: true, webhook: false, sendsResolved: [] },
    ]);
  });

  it('reads inhibition rules with the line of each matcher', () => {
    const [rule] = read(text).inhibitRules;
    expect(rule).toMatchObject({ line: 12, equal: ['cluster'], source: [{ name: 'alertname', value: 'Down', line: 12 }], target: [{ op: '=~', value: 'A|B', line: 14 }] });
  });

  it('names the line of a malformed matcher or duration', () => {
    const bad = (t: string) => {
      try {
        read(t);
      } catch (e) {
        if (e instanceof ConfigError) return e;
      }
      throw new Error('expected a ConfigError');
    };
    expect(bad(`route:\n  receiver: a\n  routes:\n    - matchers: ['severity="critical']\n`)).toMatchObject({ line: 4 });
    expect(bad(`route:\n  receiver: a\n  group_interval: 5x\n`).reason).toBe('group_interval "5x" is not a duration');
    expect(bad(`receivers: []\n`).reason).toBe('the config has no `route:`');
  });
});
