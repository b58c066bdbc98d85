import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { queueProblems } from './queue-check.js';

const run = (settings: string, pipelines = '- pipeline.id: p\n') => queueProblems(YamlFile.parse('l.yml', settings), YamlFile.parse('p.yml', pipelines)).map((p) => `${p.file}:${p.line} ${p.message}`);

describe('logstash/raw-events-on-disk (audit 2.2)', () => {
  it('reports a persisted queue in logstash.yml or in one pipeline', () => {
    expect(run('api.http.port: 9600\nqueue.type: persisted\n')).toEqual(['l.yml:2 queue.type: persisted keeps raw events, before redaction, on disk (secrets included) until a 64 MiB page fills']);
    expect(run('queue.type: memory\n', '- pipeline.id: p\n  queue.type: persisted\n')).toEqual([
      'p.yml:2 queue.type: persisted keeps raw events, before redaction, on disk (secrets included) until a 64 MiB page fills',
    ]);
  });

  it('accepts the memory queue, or none set (memory is the default)', () => {
    expect(run('queue.type: memory\n')).toEqual([]);
    expect(run('api.http.port: 9600\n')).toEqual([]);
  });
});
