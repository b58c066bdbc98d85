import { describe, expect, it } from 'vitest';
import { loadAlertmanagerConfig, readAlertmanagerConfig } from './alertmanager-config.js';
import { YamlFile } from '../sources/yaml-file.js';
import { routeForLabels } from './route-for-labels.js';

describe('routeForLabels', () => {
  it("finds the route of the canonical config that decides an alert's timers", () => {
    const { root } = loadAlertmanagerConfig();
    expect(routeForLabels(root, { alertname: 'HighLatency', severity: 'warning' }).receiver).toBe('slack-warnings');
    expect(routeForLabels(root, { alertname: 'DatabaseDown', severity: 'critical' }).receiver).toBe('pagerduty-critical');
    // No severity route matches: the root route takes it.
    expect(routeForLabels(root, { alertname: 'Unlabelled' })).toBe(root);
  });

  it('takes the first matching child and descends into it', () => {
    const config = readAlertmanagerConfig(
      YamlFile.parse(
        'am.yml',
        'route:\n  receiver: a\n  routes:\n    - matchers: [\'team="x"\']\n      receiver: b\n      group_wait: 1s\n      routes:\n        - matchers: [\'severity=~"crit.*"\']\n          receiver: c\n    - matchers: [\'team="x"\']\n      receiver: d\n',
      ),
    );
    const route = routeForLabels(config.root, { team: 'x', severity: 'critical' });
    expect([route.receiver, route.groupWaitMs]).toEqual(['c', 1000]);
    expect(routeForLabels(config.root, { team: 'x' }).receiver).toBe('b');
  });
});
