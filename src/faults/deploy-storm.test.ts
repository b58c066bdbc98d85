import { describe, expect, it } from 'vitest';
import { appInstances, deployStorm, fullDisks } from './deploy-storm.js';

describe('deployStorm', () => {
  const storm = deployStorm('storm-test');
  const all = [...storm.sources, ...storm.targets];

  it('builds every alert from the canonical rules, in its cluster, with its annotations rendered', () => {
    expect(all).toHaveLength(2 * appInstances + 2 * fullDisks + 6);
    for (const a of all) {
      expect(a.labels).toMatchObject({ cluster: 'storm-test', severity: expect.stringMatching(/^(critical|warning)$/), team: expect.any(String) });
      expect(Object.values(a.annotations ?? {}).join(' ')).not.toContain('{{');
      expect(a.annotations?.runbook_url).toMatch(/^https:\/\/.*\/docs\/runbooks\/\w+\.md$/);
    }
  });

  it('gives each alert of a rule its own series, as 500 instances would', () => {
    const down = storm.sources.filter((a) => a.labels.alertname === 'ApplicationDown');
    expect(new Set(down.map((a) => a.labels.instance)).size).toBe(appInstances);
    expect(down[0]!.annotations!.summary).toBe('Application app-1:3000 is not answering scrapes');
    expect(down[0]!.generatorURL).toBe('http://prometheus:9090/graph?g0.expr=up%7Bjob%3D%22timetable-app%22%7D+%3D%3D+0&g0.tab=1');
  });
});
