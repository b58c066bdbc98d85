import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { YamlFile } from '../../sources/yaml-file.js';
import type { PipelineConfig } from '../parser/ast.js';
import { attribute, pluginSites } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';
import { settingsFile } from './queue-check.js';

const id = 'logstash/geoip-database';

/**
 * Audit 3.8. A geoip filter without `database =>` subscribes to Logstash's database manager
 * (x-pack/lib/filters/geoip/database_manager.rb:106-127 at v8.17.4); with
 * xpack.geoip.downloader.enabled false it falls back to prepare_cc_db (:66-84), which copies the
 * CC-licensed GeoLite2 databases vendored in logstash-filter-geoip, built 2019-11-19 in 7.3.1
 * (its build.gradle:86, `geolite2-databases:20191119`). Lookups work, on networks as they were
 * then. A warning, not an error: it is the documented choice of this repository (README, Logs
 * decisions), and the production fix (a current database file, or the downloader) is a
 * deployment's, which this check then stops warning about.
 */
export function geoipDatabaseProblems(configs: readonly PipelineConfig[], settings: YamlFile): Problem[] {
  const s = (settings.data ?? {}) as Record<string, unknown>;
  const flat = 'xpack.geoip.downloader.enabled' in s;
  const nested = ((s.xpack as Record<string, unknown> | undefined)?.geoip as Record<string, unknown> | undefined)?.downloader as Record<string, unknown> | undefined;
  const enabled = flat ? s['xpack.geoip.downloader.enabled'] : nested?.enabled;
  // Unset, the downloader is on (Logstash's default): databases come from geoip.elastic.co.
  if (enabled !== false && enabled !== 'false') return [];
  const settingLine = settings.lineOf(flat ? ['xpack.geoip.downloader.enabled'] : ['xpack', 'geoip', 'downloader', 'enabled']);
  const problems: Problem[] = [];
  for (const { plugin, kind, config } of pluginSites(configs)) {
    if (kind !== 'filter' || plugin.name !== 'geoip' || attribute(plugin, 'database')) continue;
    problems.push(
      problem({
        check: id,
        severity: 'warning',
        file: config.file,
        line: plugin.pos.line,
        column: plugin.pos.column,
        message: `geoip has no database => and the downloader is off (${settings.file}:${settingLine ?? '?'}): it reads the CC GeoLite2 databases vendored in logstash-filter-geoip 7.3.1, built 2019-11-19, so locations are those networks had then`,
        hint: 'in production give it a current file, database => "${GEOIP_CITY_DATABASE}" kept fresh by MaxMind\'s geoipupdate, or set xpack.geoip.downloader.enabled: true where Logstash may reach geoip.elastic.co (README, Logs decisions: GeoIP)',
      }),
    );
  }
  return problems;
}

export const logstashGeoipDatabaseCheck: Check<Workspace> = {
  id,
  description: 'the geoip filter reads a current database, not the 2019 one vendored in the plugin (audit 3.8)',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => geoipDatabaseProblems(p.configs, ctx.workspace.yaml(settingsFile))) : [];
  },
};
