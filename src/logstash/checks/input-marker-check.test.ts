import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { inputMarkerProblems } from './input-marker-check.js';

const run = (key: string) =>
  inputMarkerProblems([parseConfig('p.conf', `input {\n  tcp {\n    port => 5000\n    add_field => { "${key}" => "tcp" }\n  }\n}`)]).map((p) => `${p.file}:${p.line} ${p.message}`);

describe('logstash/input-marker (audit 3.3)', () => {
  it('reports a tcp input marked under [@metadata][input], which it fills itself', () => {
    expect(run('[@metadata][input]')).toEqual([
      'p.conf:4 add_field writes [@metadata][input], which the tcp input already fills ([@metadata][input][tcp]): the value becomes an array and no == test on it is ever true',
    ]);
  });

  it('accepts another key', () => {
    expect(run('[@metadata][via]')).toEqual([]);
  });
});
