import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { parseConfig } from '../parser/parse-config.js';
import { geoipDatabaseProblems } from './geoip-database-check.js';

const run = (geoip: string, settings: string) =>
  geoipDatabaseProblems([parseConfig('p.conf', `filter {\n  geoip {\n    source => "[client][ip]"\n${geoip}  }\n}`)], YamlFile.parse('l.yml', settings)).map(
    (p) => `${p.severity} ${p.file}:${p.line} ${p.message}`,
  );

describe('logstash/geoip-database (audit 3.8)', () => {
  it('warns, at the filter, when it has no database and the downloader is off (flat or nested setting)', () => {
    const warning =
      'warning p.conf:2 geoip has no database => and the downloader is off (l.yml:2): it reads the CC GeoLite2 databases vendored in logstash-filter-geoip 7.3.1, built 2019-11-19, so locations are those networks had then';
    expect(run('', 'log.level: info\nxpack.geoip.downloader.enabled: false\n')).toEqual([warning]);
    expect(run('', 'log.level: info\nxpack:\n  geoip:\n    downloader:\n      enabled: false\n')).toEqual([warning.replace('l.yml:2', 'l.yml:5')]);
  });

  it('is quiet with a database file, or with the downloader on or left at its default (on)', () => {
    expect(run('    database => "${GEOIP_CITY_DATABASE}"\n', 'xpack.geoip.downloader.enabled: false\n')).toEqual([]);
    expect(run('', 'xpack.geoip.downloader.enabled: true\n')).toEqual([]);
    expect(run('', 'log.level: info\n')).toEqual([]);
  });
});
