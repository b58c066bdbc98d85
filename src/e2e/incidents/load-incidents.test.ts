import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../sources/config-error.js';
import { canonicalIncidentContext } from './incident-context.js';
import { uncoveredAlerts } from './incident-coverage.js';
import { loadIncident, loadIncidents } from './load-incidents.js';

const context = canonicalIncidentContext();
const dir = mkdtempSync(join(tmpdir(), 'incidents-'));

const up = `  - series: 'up{job="timetable-app", instance="app:3000"}'\n    segments:\n      - {from: -5m, to: +3m, step: 15s, values: 0}\n`;
const page = `fires:\n  - alert: ApplicationDown\n    receiver: pagerduty-critical\n`;

/** Loads `text` as an incident file and returns the ConfigError it raises. */
function refusal(text: string): ConfigError {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  try {
    loadIncident(file, context);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected the incident to be refused:\n${text}`);
}

describe('incident files', () => {
  it('load from fixtures/incidents, and every alert of alert_rules.yml fires in one of them', () => {
    const incidents = loadIncidents(context);
    expect(incidents.length).toBeGreaterThan(0);
    expect(uncoveredAlerts(incidents, [...context.alerts.values()]).map((a) => `${a.name} (${a.file}:${a.line})`)).toEqual([]);
  });

  it('reads values as notation even where YAML sees a number, and samples relative to injection', () => {
    const file = join(dir, 'hex.yaml');
    writeFileSync(file, `description: d\nhistory:\n  - series: 'up{job="timetable-app", instance="app:3000"}'\n    segments:\n      - {from: -45s, to: +30s, step: 15s, values: 0x4}\n${page}`);
    const incident = loadIncident(file, context);
    expect(incident.name).toBe('hex');
    expect(incident.history[0]!.labels).toEqual({ __name__: 'up', job: 'timetable-app', instance: 'app:3000' });
    expect(incident.history[0]!.samples).toEqual([-45_000, -30_000, -15_000, 0, 15_000].map((offsetMs) => ({ offsetMs, value: 0 })));
  });

  it.each([
    ['an unknown key, naming the nearest', `description: d\nhistroy: []\n${page}`, 2, 'unknown key "histroy" at the top level; did you mean "history"?'],
    [
      'an unknown metric',
      `description: d\nhistory:\n  - series: 'http_request_total{job="timetable-app"}'\n    segments:\n      - {from: -5m, to: now, step: 15s, values: 0}\n${page}`,
      3,
      'http_request_total is neither a metric of the metrics contract nor a recording rule; did you mean http_requests_total?',
    ],
    [
      'a job prometheus.yml does not scrape',
      `description: d\nhistory:\n  - series: 'up{job="app", instance="app:3000"}'\n    segments:\n      - {from: -5m, to: now, step: 15s, values: 0}\n${page}`,
      3,
      'up{job="app", instance="app:3000"} has job="app", not a scrape job of prometheus.yml',
    ],
    [
      'a label the contract does not give the metric',
      `description: d\nhistory:\n  - series: 'http_requests_total{job="timetable-app", code="500"}'\n    segments:\n      - {from: -5m, to: now, step: 15s, values: 0+1}\n${page}`,
      3,
      expect.stringMatching(/^http_requests_total has no label code \(monitoring\/metrics-contract\.yml:\d+ gives it method, route, status, job, instance\)$/),
    ],
    [
      'a counter that falls',
      `description: d\nhistory:\n  - series: 'http_requests_total{job="timetable-app", status="200"}'\n    segments:\n      - {from: -5m, to: -1m, step: 15s, values: 100+10}\n      - {from: -1m, to: now, step: 15s, values: 0+10}\n${page}`,
      6,
      'counter http_requests_total falls from 250 to 0 at -60000 ms',
    ],
    ['overlapping segments', `description: d\nhistory:\n${up}      - {from: -1m, to: +5m, step: 15s, values: 1}\n${page}`, 6, 'from: -1m overlaps the segment before, which runs to 180000 ms'],
    [
      'history older than 30 days',
      `description: d\nhistory:\n  - series: 'up{job="timetable-app"}'\n    segments:\n      - {from: -31d, to: now, step: 1h, values: 1}\n${page}`,
      5,
      'from: -31d is older than 30d',
    ],
    [
      'bad notation, at its segment',
      `description: d\nhistory:\n  - series: 'up{job="timetable-app"}'\n    segments:\n      - {from: -5m, to: now, step: 15s, values: 1+}\n${page}`,
      5,
      'up{job="timetable-app"}: "1+" is not a value token',
    ],
    [
      'a recorded series its live rule would also write',
      `description: d\nhistory:\n  - series: 'job:http_requests:rate5m{job="timetable-app"}'\n    segments:\n      - {from: -1h, to: +10m, step: 4m, values: 10}\n  - series: 'http_requests_total{job="timetable-app", status="200"}'\n    segments:\n      - {from: -1h, to: -4m, step: 15s, values: 0+150}\n${page}`,
      3,
      'job:http_requests:rate5m{job="timetable-app"} is injected from now on, and so is what its rule reads (http_requests_total{job="timetable-app", status="200"}, line 6, inside its 5m window): Prometheus would record it every evaluation too, two writers in one series',
    ],
    [
      'an alert that does not exist',
      `description: d\nhistory:\n${up}fires:\n  - alert: ApplicationDwn\n    receiver: pagerduty-critical\n`,
      7,
      'no alert rule is named ApplicationDwn; did you mean ApplicationDown?',
    ],
    ['a receiver that does not exist', `description: d\nhistory:\n${up}fires:\n  - alert: ApplicationDown\n    receiver: pagerduty\n`, 8, 'receiver "pagerduty" is not in monitoring/alertmanager.yml'],
    [
      'a Slack payload expected from PagerDuty',
      `description: d\nhistory:\n${up}${page}    slack: {title: x}\n`,
      9,
      'receiver pagerduty-critical has no slack_configs, so nothing can match a `slack:` expectation',
    ],
    [
      'an inhibitor the incident does not fire',
      `description: d\nhistory:\n${up}${page}inhibited:\n  - {alert: HighErrorRate, by: DatabaseDown}\n`,
      10,
      'DatabaseDown mutes HighErrorRate, but the incident does not expect DatabaseDown to fire',
    ],
    [
      'an alert both fired and inhibited',
      `description: d\nhistory:\n${up}${page}inhibited:\n  - {alert: ApplicationDown, by: ApplicationDown}\n`,
      10,
      'ApplicationDown is both expected to fire and to be inhibited',
    ],
  ])('refuses %s, at its line', (_what, text, line, message) => {
    const error = refusal(text);
    expect({ line: error.line, message: error.reason }).toEqual({ line, message });
    expect(error.hint).toBeTruthy();
  });
});
