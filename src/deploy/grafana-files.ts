import { parseJsonFile } from '../sources/json-file.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import { YamlFile, type YamlPath } from '../sources/yaml-file.js';
import { expandPattern } from './configmap-sources.js';

export const dashboardFiles = 'monitoring/grafana/dashboards/*.json';
export const datasourceFiles = 'monitoring/grafana/provisioning/datasources/*.yaml';
export const alertingFiles = 'monitoring/grafana/provisioning/alerting/*.yaml';

type Json = Record<string, unknown>;

/** A dashboard JSON file, strict-JSON checked, kept with positions (JSON is YAML 1.2 flow). */
export function loadDashboard(path: string, files = new SourceFiles(repoRoot)): YamlFile {
  const text = files.text(path, 'a Grafana dashboard');
  parseJsonFile(path, text);
  return YamlFile.parse(path, text);
}

export function loadDashboards(pattern = dashboardFiles, files = new SourceFiles(repoRoot)): YamlFile[] {
  return expandPattern(pattern, files).map((s) => loadDashboard(s.path, files));
}

export function loadProvisioning(pattern: string, files = new SourceFiles(repoRoot)): YamlFile[] {
  return expandPattern(pattern, files).map((s) => files.yaml(s.path, 'a Grafana provisioning file'));
}

/** One panel, with its YAML path in the dashboard; rows' nested panels included. */
export interface PanelAt {
  panel: Json;
  path: YamlPath;
}

export function panelsOf(dashboard: YamlFile): PanelAt[] {
  const found: PanelAt[] = [];
  const walk = (panels: unknown, base: YamlPath) => {
    if (!Array.isArray(panels)) return;
    panels.forEach((panel, i) => {
      const path = [...base, i];
      found.push({ panel: panel as Json, path });
      walk((panel as Json).panels, [...path, 'panels']);
    });
  };
  walk((dashboard.data as Json | null)?.panels, ['panels']);
  return found;
}

/** A PromQL query somewhere in Grafana's files, with where its text starts. */
export interface QueryAt {
  expr: string;
  /** `dashboard "x" panel 2 "Error rate" target A`. */
  what: string;
  file: YamlFile;
  path: YamlPath;
  /** The data source uid it runs on, when it names one. */
  datasourceUid?: string;
}

/** Every panel target's expr, and every provisioned alert query's model.expr. */
export function queriesOf(dashboards: readonly YamlFile[], alerting: readonly YamlFile[]): QueryAt[] {
  const found: QueryAt[] = [];
  for (const dashboard of dashboards) {
    const title = String((dashboard.data as Json | null)?.title ?? dashboard.file);
    for (const { panel, path } of panelsOf(dashboard)) {
      const targets = Array.isArray(panel.targets) ? (panel.targets as Json[]) : [];
      targets.forEach((target, t) => {
        if (typeof target.expr !== 'string') return;
        const ds = (target.datasource ?? panel.datasource) as Json | undefined;
        found.push({
          expr: target.expr,
          what: `dashboard "${title}" panel ${String(panel.id)} "${String(panel.title)}" target ${String(target.refId)}`,
          file: dashboard,
          path: [...path, 'targets', t, 'expr'],
          datasourceUid: typeof ds?.uid === 'string' ? ds.uid : undefined,
        });
      });
    }
  }
  for (const file of alerting) {
    const groups = Array.isArray((file.data as Json | null)?.groups) ? ((file.data as Json).groups as Json[]) : [];
    groups.forEach((group, g) =>
      (Array.isArray(group.rules) ? (group.rules as Json[]) : []).forEach((rule, r) =>
        (Array.isArray(rule.data) ? (rule.data as Json[]) : []).forEach((query, q) => {
          const model = query.model as Json | undefined;
          if (typeof model?.expr !== 'string') return;
          found.push({
            expr: model.expr,
            what: `alert rule "${String(rule.title)}" query ${String(query.refId)}`,
            file,
            path: ['groups', g, 'rules', r, 'data', q, 'model', 'expr'],
            datasourceUid: typeof query.datasourceUid === 'string' ? query.datasourceUid : undefined,
          });
        }),
      ),
    );
  }
  return found;
}

/** The uids of the provisioned data sources, with their types. */
export function provisionedDatasources(files: readonly YamlFile[]): Map<string, string> {
  const uids = new Map<string, string>();
  for (const file of files) {
    const list = (file.data as Json | null)?.datasources;
    if (Array.isArray(list)) for (const ds of list as Json[]) if (typeof ds.uid === 'string') uids.set(ds.uid, String(ds.type));
  }
  return uids;
}

/** Grafana replaces its variables before Prometheus sees a query; stand-ins that parse alike. */
export function withGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)(_ms|_s)?\b/g, '5m').replace(/\[\[\w+\]\]|\$\{\w+(:\w+)?\}|\$\w+/g, 'grafana_variable');
}
