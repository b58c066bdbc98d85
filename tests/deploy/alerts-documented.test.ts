import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../src/sources/repo-files.js';
import { YamlFile } from '../../src/sources/yaml-file.js';

/** Section 4 of the guide explains each alert in prose, under its name in bold. */
const guide = readRepoFile('docs/monitoring_and_alerting.md');
const section = guide.slice(guide.indexOf('## 4. The alerts, one by one'), guide.indexOf('## 5. '));
const rules = YamlFile.load('monitoring/alert_rules.yml');
const alerts = (rules.data as { groups: { rules: { alert?: string }[] }[] }).groups
  .flatMap((g) => g.rules)
  .map((r) => r.alert)
  .filter(Boolean) as string[];

describe('docs/monitoring_and_alerting.md explains every alert', () => {
  it('finds the alerts section and at least one alert in the rule file', () => {
    expect(section.length).toBeGreaterThan(0);
    expect(alerts.length).toBeGreaterThan(0);
  });

  it.each(alerts)('%s is explained in section 4', (alert) => {
    expect(section, `add "- **${alert}** (severity, for): what it means" to section 4 of docs/monitoring_and_alerting.md`).toContain(`**${alert}**`);
  });

  it('explains no alert that the rule file does not have (besides the Grafana-managed one)', () => {
    const documented = [...section.matchAll(/^- \*\*(\w+)\*\*/gm)].map((m) => m[1]!);
    expect(documented.filter((a) => !alerts.includes(a) && a !== 'DashboardErrorRate')).toEqual([]);
  });
});
