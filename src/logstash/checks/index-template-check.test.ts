import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { templateProblems } from './index-template-check.js';

const output = (extra = '') => parseConfig('p.conf', `output {\n  elasticsearch { index => "logs-%{+YYYY.MM.dd}" template => "/usr/share/logstash/templates/index-template.json" ${extra} }\n}`);
const withTemplate = (json: string, extra = '') => templateProblems([output(extra)], () => json).map((p) => `${p.file}:${p.line} ${p.message}`);
const good = JSON.stringify({ index_patterns: ['logs-*', 'errors-*'], priority: 200, template: { mappings: { properties: {} } } });

describe('logstash/index-template', () => {
  it('accepts a composable template that covers the index and outranks the built-in logs template', () => {
    expect(withTemplate(good)).toEqual([]);
  });

  it('reports JSON syntax errors at their line', () => {
    expect(withTemplate('{\n  "index_patterns": ["logs-*"],\n  oops\n}')[0]).toMatch(/^monitoring\/elasticsearch\/index-template.json:3 not valid JSON: /);
  });

  it('reports a template that does not cover the index, one of the legacy shape, and a low priority', () => {
    expect(withTemplate(JSON.stringify({ index_patterns: ['errors-*'], priority: 200, template: { mappings: {} } }))).toEqual([
      'p.conf:2 the index "logs-%{+YYYY.MM.dd}" (e.g. logs-2026.11.26) is not covered by the template\'s index_patterns (errors-*)',
    ]);
    expect(withTemplate(JSON.stringify({ index_patterns: ['logs-*'], mappings: {} }))).toEqual([
      'monitoring/elasticsearch/index-template.json:1 not a composable index template: it needs index_patterns and template.mappings',
    ]);
    expect(withTemplate(JSON.stringify({ index_patterns: ['logs-*'], priority: 100, template: { mappings: {} } }))).toEqual([
      'monitoring/elasticsearch/index-template.json:1 priority 100 does not rank above Elasticsearch\'s built-in "logs" template (logs-*-*, priority 100)',
    ]);
    expect(withTemplate(good, 'template_api => "legacy"')).toEqual(['p.conf:2 template_api is legacy, but the template is composable']);
  });

  it('warns when an output would install the plugin default template', () => {
    const problems = templateProblems([parseConfig('p.conf', 'output { elasticsearch { index => "x" } }')], () => good);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([['warning', "this elasticsearch output installs the plugin's default template, which does not map our fields"]]);
  });
});
