import { checkContext } from '../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { knownSeries } from '../metrics-contract/known-series.js';
import { dashboardQueriesCheck, queryProblems } from './dashboard-queries-check.js';
import { dashboardProblems } from './dashboards-check.js';
import { queriesOf, withGrafanaVariables } from './grafana-files.js';

const json = (file: string, value: unknown) => YamlFile.parse(file, JSON.stringify(value, null, 2));
/** 1-based line of the n-th (0-based) line of `file` that contains `text`. */
const lineOf = (file: YamlFile, text: string, n = 0) => file.lines.map((l, i) => (l.includes(text) ? i + 1 : 0)).filter(Boolean)[n]!;
const datasources = YamlFile.parse('ds.yaml', 'apiVersion: 1\ndatasources:\n  - { name: Prometheus, uid: prometheus, type: prometheus }\n');
const panel = (id: number, expr: string, uid = 'prometheus') => ({ id, title: `p${id}`, type: 'timeseries', datasource: { type: 'prometheus', uid }, targets: [{ refId: 'A', expr }] });

describe('dashboardProblems', () => {
  it('accepts a dashboard with unique ids and provisioned data sources', () => {
    expect(dashboardProblems([json('d.json', { uid: 'd', title: 'D', panels: [panel(1, 'up'), panel(2, 'up')] })], [datasources], [])).toEqual([]);
  });

  it('fails a duplicate panel id (rows included), an unprovisioned data source and a missing uid', () => {
    const dashboard = json('d.json', { title: 'D', panels: [panel(1, 'up'), { id: 9, type: 'row', title: 'r', panels: [panel(1, 'up', 'loki')] }] });
    expect(dashboardProblems([dashboard], [datasources], []).map((p) => `${p.line} ${p.message}`)).toEqual([
      '1 the dashboard has no uid',
      `${lineOf(dashboard, '"id": 1', 1)} panel id 1 ("p1") is used twice in this dashboard (first by the panel at line ${lineOf(dashboard, '"id": 1') - 1})`,
      `${lineOf(dashboard, '"datasource"', 1)} panel "p1" uses data source "loki", which is not provisioned`,
    ]);
  });

  it('fails a provisioned alert rule linked to a panel that does not exist', () => {
    const alerting = YamlFile.parse('a.yaml', 'groups:\n  - rules:\n      - title: R\n        dashboardUid: d\n        panelId: 7\n        data: [{ refId: A, datasourceUid: prometheus }]\n');
    expect(dashboardProblems([json('d.json', { uid: 'd', title: 'D', panels: [panel(1, 'up')] })], [datasources], [alerting])).toMatchObject([
      { file: 'a.yaml', line: 5, message: 'alert rule "R" is linked to panel 7, which dashboard "d" does not have' },
    ]);
  });
});

describe('queryProblems', () => {
  const contract = YamlFile.parse('c.yml', 'metrics:\n  - { name: http_request_duration_seconds, type: histogram }\n  - { name: http_requests_total, type: counter }\n');
  const rules = YamlFile.parse('r.yml', 'groups:\n  - rules:\n      - { record: "job:http_requests:rate5m", expr: "x" }\n');
  const known = knownSeries(contract, rules);
  const check = (expr: string) => queryProblems(queriesOf([json('d.json', { uid: 'd', title: 'D', panels: [panel(3, expr)] })], []), known);

  it('accepts contract metrics, histogram series, recording rules and Grafana variables', () => {
    expect(check('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval]))) / job:http_requests:rate5m')).toEqual([]);
    expect(withGrafanaVariables('rate(x{job="$job"}[$__interval])')).toBe('rate(x{job="grafana_variable"}[5m])');
  });

  it('fails a query that does not parse, with its line and where', () => {
    expect(check('sum(rate(http_requests_total[5m])')).toMatchObject([
      { check: 'deploy/dashboard-queries', line: 16, message: 'dashboard "D" panel 3 "p3" target A: PromQL does not parse at character 34: "_requests_total[5m])"' },
    ]);
  });

  it('fails a metric that is neither in the contract nor a recording rule', () => {
    expect(check('rate(http_request_total[5m])').map((p) => p.message)).toEqual([
      'dashboard "D" panel 3 "p3" target A selects "http_request_total", which is neither in monitoring/metrics-contract.yml nor a recording rule',
    ]);
  });

  it('passes on the repository dashboards and alert rule', async () => {
    expect(await dashboardQueriesCheck.run(checkContext())).toEqual([]);
  });
});
