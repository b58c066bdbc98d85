import { describe, expect, it } from 'vitest';
import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';
import { renderedAnnotations } from './rendered-annotations.js';

const rule = (annotations: Record<string, string>): RuleEntry => ({
  kind: 'alert',
  name: 'DiskSpaceLow',
  expr: 'x < 0.1',
  labels: {},
  annotations,
  group: 'g',
  file: 'monitoring/alert_rules.yml',
  line: 270,
  exprLine: 271,
  path: [],
});

describe('renderedAnnotations', () => {
  it('fills in $labels and $value, whatever $value is piped through', () => {
    const got = renderedAnnotations(
      rule({
        summary: 'Less than 10% free on {{ $labels.mountpoint }} of {{ $labels.instance }}',
        description: 'Only {{ $value | humanizePercentage }} free',
        runbook_url: 'https://x/DiskSpaceLow.md',
      }),
      { instance: 'node-1:9100', mountpoint: '/var' },
      '4.2%',
    );
    expect(got).toEqual({ summary: 'Less than 10% free on /var of node-1:9100', description: 'Only 4.2% free', runbook_url: 'https://x/DiskSpaceLow.md' });
  });

  it('names the rule and the label when the alert lacks a label an annotation uses', () => {
    expect(() => renderedAnnotations(rule({ summary: '{{ $labels.device }}' }), {}, '0')).toThrow('monitoring/alert_rules.yml:270: annotation summary of DiskSpaceLow uses $labels.device');
  });

  it('refuses template actions it does not fill in, rather than sending them raw', () => {
    expect(() => renderedAnnotations(rule({ summary: '{{ if $labels.x }}y{{ end }}' }), { x: '1' }, '0')).toThrow('uses {{ if $labels.x }}, which src/faults/rendered-annotations.ts does not fill in');
  });
});
