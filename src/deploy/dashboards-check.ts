import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile, YamlPath } from '../sources/yaml-file.js';
import type { Workspace } from '../workspace/workspace.js';
import { datasourceFiles, panelsOf, provisionedDatasources } from './grafana-files.js';

const id = 'deploy/dashboards';

type Json = Record<string, unknown>;

/** Data sources Grafana itself provides: the expression engine and the built-ins. */
const builtInDatasources = new Set(['__expr__', '-- Grafana --', '-- Mixed --', '-- Dashboard --', 'grafana']);

/**
 * Dashboards Grafana can load as provisioned: a uid and title each, uids unique across files,
 * panel ids unique within a dashboard, every data source a provisioned one; provisioned alert
 * rules point at a dashboard and panel that exist and at provisioned data sources.
 */
export function dashboardProblems(dashboards: readonly YamlFile[], datasources: readonly YamlFile[], alerting: readonly YamlFile[]): Problem[] {
  const problems: Problem[] = [];
  const uids = provisionedDatasources(datasources);
  const known = [...uids.keys()].join(', ') || 'none provisioned';
  const panelsByDashboard = new Map<string, Set<number>>();
  const dashboardFileOfUid = new Map<string, string>();
  for (const dashboard of dashboards) {
    const data = (dashboard.data ?? {}) as Json;
    const at = (path: YamlPath) => ({ check: id, file: dashboard.file, line: dashboard.lineOf(path) });
    for (const field of ['uid', 'title']) {
      if (typeof data[field] !== 'string' || data[field] === '')
        problems.push(problem({ ...at([]), message: `the dashboard has no ${field}`, hint: `set "${field}": a fixed ${field} keeps links and the alert's dashboardUid stable across provisioning` }));
    }
    const uid = String(data.uid ?? '');
    if (uid && dashboardFileOfUid.has(uid))
      problems.push(problem({ ...at(['uid']), message: `uid "${uid}" is also the uid of ${dashboardFileOfUid.get(uid)}`, hint: 'give each dashboard its own uid: Grafana loads only one of them' }));
    dashboardFileOfUid.set(uid, dashboard.file);
    const ids = new Map<number, number>();
    for (const { panel, path } of panelsOf(dashboard)) {
      const pid = panel.id;
      if (typeof pid !== 'number') {
        problems.push(problem({ ...at(path), message: `panel "${String(panel.title)}" has no numeric id`, hint: 'give every panel a unique "id": links, alerts and the panel editor use it' }));
      } else if (ids.has(pid)) {
        problems.push(
          problem({
            ...at([...path, 'id']),
            message: `panel id ${pid} ("${String(panel.title)}") is used twice in this dashboard (first by the panel at line ${ids.get(pid)})`,
            hint: 'make panel ids unique within the dashboard',
          }),
        );
      } else ids.set(pid, dashboard.lineOf(path) ?? 0);
      const targets = Array.isArray(panel.targets) ? (panel.targets as Json[]) : [];
      const sources: { ds: unknown; path: YamlPath }[] = [
        { ds: panel.datasource, path: [...path, 'datasource'] },
        ...targets.map((t, i) => ({ ds: t.datasource, path: [...path, 'targets', i, 'datasource'] })),
      ];
      for (const { ds, path: dsPath } of sources) {
        const uid = typeof ds === 'string' ? ds : typeof (ds as Json | undefined)?.uid === 'string' ? String((ds as Json).uid) : undefined;
        if (uid === undefined || builtInDatasources.has(uid) || uids.has(uid)) continue;
        problems.push(
          problem({ ...at(dsPath), message: `panel "${String(panel.title)}" uses data source "${uid}", which is not provisioned`, hint: `use a provisioned uid (${known}) from ${datasourceFiles}` }),
        );
      }
      if (targets.length > 0 && panel.datasource === undefined && targets.some((t) => t.datasource === undefined)) {
        problems.push(
          problem({
            ...at(path),
            message: `panel "${String(panel.title)}" names no data source, so it depends on whichever is the default`,
            hint: 'set "datasource": {"type": "prometheus", "uid": "prometheus"}',
          }),
        );
      }
    }
    panelsByDashboard.set(uid, new Set(ids.keys()));
  }
  for (const file of alerting) {
    const groups = Array.isArray((file.data as Json | null)?.groups) ? ((file.data as Json).groups as Json[]) : [];
    groups.forEach((group, g) =>
      (Array.isArray(group.rules) ? (group.rules as Json[]) : []).forEach((rule, r) => {
        const base = ['groups', g, 'rules', r];
        const at = (path: (string | number)[]) => ({ check: id, file: file.file, line: file.lineOf([...base, ...path]) });
        if (rule.dashboardUid !== undefined) {
          const panels = panelsByDashboard.get(String(rule.dashboardUid));
          if (!panels)
            problems.push(
              problem({
                ...at(['dashboardUid']),
                message: `alert rule "${String(rule.title)}" is linked to dashboard "${String(rule.dashboardUid)}", which no dashboard file has`,
                hint: `use the uid of a dashboard in monitoring/grafana/dashboards/`,
              }),
            );
          else if (!panels.has(Number(rule.panelId)))
            problems.push(
              problem({
                ...at(['panelId']),
                message: `alert rule "${String(rule.title)}" is linked to panel ${String(rule.panelId)}, which dashboard "${String(rule.dashboardUid)}" does not have`,
                hint: `use one of its panel ids: ${[...panels].join(', ')}`,
              }),
            );
        }
        (Array.isArray(rule.data) ? (rule.data as Json[]) : []).forEach((query, q) => {
          const uid = String(query.datasourceUid ?? '');
          if (!builtInDatasources.has(uid) && !uids.has(uid))
            problems.push(
              problem({
                ...at(['data', q, 'datasourceUid']),
                message: `alert rule "${String(rule.title)}" queries data source "${uid}", which is not provisioned`,
                hint: `use a provisioned uid (${known}), or __expr__ for expressions`,
              }),
            );
        });
      }),
    );
  }
  return problems;
}

export const dashboardsCheck: Check<Workspace> = {
  id,
  description: 'dashboards: uid and title, unique panel ids, provisioned data sources; alert rules link to real panels',
  run: async ({ workspace }) => dashboardProblems(workspace.dashboards(), workspace.grafanaProvisioning('datasources'), workspace.grafanaProvisioning('alerting')),
};
