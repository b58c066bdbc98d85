import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../tests/support/config-error-of.js';
import { YamlFile } from './yaml-file.js';

const rules = `groups:
  - name: app
    rules:
      - alert: HighErrorRate
        expr: job:http_5xx:ratio5m > 0.05
        for: 5m
`;

describe('YamlFile', () => {
  it('names the line of a key, deep in the document', () => {
    const file = YamlFile.parse('monitoring/alert_rules.yml', rules);
    expect(file.lineOf(['groups', 0, 'rules', 0, 'expr'])).toBe(5);
    expect(file.lineOf(['groups', 0, 'rules', 0])).toBe(4);
    expect(file.data).toMatchObject({ groups: [{ name: 'app' }] });
  });

  it('falls back to the deepest ancestor that exists', () => {
    const file = YamlFile.parse('x.yml', rules);
    expect(file.lineOf(['groups', 0, 'rules', 0, 'labels', 'severity'])).toBe(4);
  });

  it('reports a syntax error with file, line and a hint', () => {
    const broken = 'groups:\n  - name: app\n    rules: [\n      - alert: X\n';
    const e = configErrorOf(() => YamlFile.parse('monitoring/alert_rules.yml', broken));
    expect(e.file).toBe('monitoring/alert_rules.yml');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.message).toMatch(/^monitoring\/alert_rules\.yml:\d+:\d+: YAML syntax error/);
    expect(e.hint).toMatch(/fix the YAML/);
  });

  it('rejects duplicate keys, which YAML tools otherwise resolve silently', () => {
    expect(() => YamlFile.parse('a.yml', 'route:\n  receiver: a\n  receiver: b\n')).toThrow(/a\.yml:3:\d+: YAML syntax error: Map keys must be unique/);
  });

  it('reports a missing file by name, with what belongs there', () => {
    expect(() => YamlFile.load('monitoring/does-not-exist.yml', 'the Prometheus config')).toThrow(
      /monitoring\/does-not-exist\.yml: config file is missing\n {2}hint: create the Prometheus config at monitoring\/does-not-exist\.yml/,
    );
  });

  it('keeps every document of a multi-document file', () => {
    const file = YamlFile.parse('k8s/x.yaml', 'kind: A\n---\nkind: B\nspec:\n  x: 1\n');
    expect(file.allData).toEqual([{ kind: 'A' }, { kind: 'B', spec: { x: 1 } }]);
    expect(file.lineOf(['spec', 'x'], 1)).toBe(5);
  });
});
