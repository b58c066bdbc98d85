import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readAlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { YamlFile } from '../sources/yaml-file.js';
import { alertmanagerChanges } from './alertmanager-changes.js';
import { openSide } from './config-side.js';
import { Workspace } from '../workspace/workspace.js';

const base = `route:
  receiver: warnings
  group_by: [alertname]
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      group_wait: 1s
    - matchers: ['severity="info"']
      receiver: info
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_matchers: ['severity="warning"']
    equal: [service]
receivers:
  - name: pager
  - name: warnings
    slack_configs: [{channel: '#alerts'}]
  - name: info
    slack_configs: [{channel: '#info'}]
`;

async function changes(head: string) {
  const side = async (role: 'base' | 'head', text: string) => ({
    side: await openSide(role, undefined, new Workspace(tmpdir())),
    config: readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', text)),
  });
  return alertmanagerChanges(await side('base', base), await side('head', head));
}

describe('alertmanagerChanges', () => {
  it('finds nothing in the same config', async () => {
    expect(await changes(base)).toEqual([]);
  });

  it('names a route by its matchers, with the fields that changed and its lines', async () => {
    expect(await changes(base.replace('receiver: info', 'receiver: warnings').replace('group_wait: 1s', 'group_wait: 2s'))).toEqual([
      {
        what: 'route {severity="critical"}',
        change: 'changed',
        fields: ['group_wait 1s → 2s'],
        base: { file: 'monitoring/alertmanager.yml', line: 5 },
        head: { file: 'monitoring/alertmanager.yml', line: 5 },
      },
      {
        what: 'route {severity="info"}',
        change: 'changed',
        fields: ['receiver info → warnings'],
        base: { file: 'monitoring/alertmanager.yml', line: 8 },
        head: { file: 'monitoring/alertmanager.yml', line: 8 },
      },
    ]);
  });

  it('reports a route inserted before another as added, and the other as moved', async () => {
    const head = base.replace('    - matchers: [\'severity="critical"\']', '    - matchers: [\'team="db"\']\n      receiver: pager\n    - matchers: [\'severity="critical"\']');
    expect((await changes(head)).map((c) => `${c.what} ${c.change} ${c.fields.join('; ')}`)).toEqual([
      'route {severity="critical"} changed position 0 → 1',
      'route {severity="info"} changed position 1 → 2',
      'route {team="db"} added ',
    ]);
  });

  it('compares inhibition rules and receivers', async () => {
    const head = base.replace('equal: [service]', 'equal: [service, cluster]').replace("channel: '#info'", "channel: '#news'");
    expect((await changes(head)).map((c) => `${c.what}: ${c.fields.join('; ')}`)).toEqual([
      'receiver info: slack_channels [#info] → [#news]',
      'inhibit_rules[0]: equal [service] → [service, cluster]',
    ]);
  });
});
