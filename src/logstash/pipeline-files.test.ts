import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { loadPipelines } from './pipeline-files.js';

function pipelinesYml(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pipelines-')), 'pipelines.yml');
  writeFileSync(path, text);
  return path;
}

describe('loadPipelines', () => {
  it('reads the canonical pipelines.yml and the configs its path.config names', () => {
    const [pipeline, ...rest] = loadPipelines();
    expect(rest).toEqual([]);
    expect(pipeline!.id).toBe('timetable-logs');
    expect(pipeline!.configs.map((c) => c.file)).toEqual(['monitoring/logstash/pipeline/logstash.conf']);
    expect(pipeline!.configs[0]!.sections.map((s) => s.kind)).toEqual(['input', 'filter', 'output']);
  });

  it('refuses a path.config outside the mounted pipeline directory, naming the line', () => {
    const error = (() => {
      try {
        loadPipelines(pipelinesYml('- pipeline.id: a\n  path.config: "/etc/logstash/conf.d/*.conf"\n'));
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect([error!.line, error!.reason]).toEqual([2, 'path.config /etc/logstash/conf.d/*.conf is not a directory any mount provides']);
  });

  it('refuses a pattern that matches no file, and an entry without path.config', () => {
    expect(() => loadPipelines(pipelinesYml('- pipeline.id: a\n  path.config: "/usr/share/logstash/pipeline/*.cfg"\n'))).toThrow(/matches no file in monitoring\/logstash\/pipeline\//);
    expect(() => loadPipelines(pipelinesYml('- pipeline.id: a\n  config.string: "input {}"\n'))).toThrow(/needs pipeline.id and path.config/);
  });
});
