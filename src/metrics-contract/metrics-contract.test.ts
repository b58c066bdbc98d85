import { describe, expect, it } from 'vitest';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { appMetricsOf, loadMetricsContract, parseMetricsContract } from './metrics-contract.js';

const parse = (text: string) => parseMetricsContract(YamlFile.parse('contract.yml', text));

describe('the metrics contract loader', () => {
  it('loads the real contract, every entry with its position', () => {
    const contract = loadMetricsContract();
    expect(appMetricsOf(contract).length).toBeGreaterThan(0);
    for (const metric of contract) expect(metric.where).toMatch(/^monitoring\/metrics-contract\.yml:\d+$/);
  });

  it('keeps type, labels, buckets and source as written', () => {
    const [metric] = parse('metrics:\n  - name: x_seconds\n    type: histogram\n    help: X.\n    labels: [a, b]\n    buckets: [0.1, 1]\n    source: app\n');
    expect(metric).toEqual({ name: 'x_seconds', type: 'histogram', help: 'X.', labels: ['a', 'b'], buckets: [0.1, 1], source: 'app', where: 'contract.yml:2' });
  });

  it.each([
    ['no metrics list', 'other: 1\n', 'contract.yml:1: has no `metrics:` list'],
    ['an entry without a name', 'metrics:\n  - type: gauge\n', 'contract.yml:2: entry 0 has no name'],
    ['an unknown type', 'metrics:\n  - name: a\n    type: gauge2\n', 'contract.yml:3: a: type "gauge2" is not one of counter, gauge, histogram, summary'],
    ['no help', 'metrics:\n  - name: a\n    type: gauge\n', 'contract.yml:2: a has no help text'],
    ['labels that are not a list', 'metrics:\n  - name: a\n    type: gauge\n    help: A.\n    labels: method\n    source: app\n', 'contract.yml:5: a: labels must be a list'],
    [
      'an app histogram without buckets',
      'metrics:\n  - name: a\n    type: histogram\n    help: A.\n    labels: []\n    source: app\n',
      'contract.yml:2: a: an app histogram needs its bucket boundaries',
    ],
    [
      'a metric listed twice',
      'metrics:\n  - {name: a, type: gauge, help: A., labels: [], source: app}\n  - {name: a, type: gauge, help: A., labels: [], source: app}\n',
      'contract.yml:3: a is listed twice (first at contract.yml:2)',
    ],
  ])('rejects %s with file:line and a hint', (_what, text, message) => {
    let caught: unknown;
    try {
      parse(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message.split('\n')[0]).toContain(message);
    expect((caught as ConfigError).hint).toBeTruthy();
  });

  it('does not require buckets of exporter histograms, whose buckets are not ours to choose', () => {
    expect(parse('metrics:\n  - {name: a, type: histogram, help: A., labels: [], source: prometheus}\n')[0]!.buckets).toBeUndefined();
  });
});
