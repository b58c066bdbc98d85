import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { contractExposition } from './contract-exposition.js';

const contract = YamlFile.parse(
  'c.yml',
  [
    'metrics:',
    '  - { name: http_requests_total, type: counter, labels: [method, status], source: app }',
    '  - { name: http_request_duration_seconds, type: histogram, labels: [], buckets: [0.1, 1], source: app }',
    '  - { name: node_memory_MemTotal_bytes, type: gauge, labels: [], source: node-exporter }',
    '',
  ].join('\n'),
);

describe('contractExposition', () => {
  it('writes every metric of one source, with the label values queries select on', () => {
    expect(contractExposition(contract, 'app', 10)).toBe(
      [
        '# TYPE http_requests_total counter',
        'http_requests_total{method="GET",status="200"} 10',
        'http_requests_total{method="GET",status="500"} 10',
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{le="0.1"} 5',
        'http_request_duration_seconds_bucket{le="1"} 10',
        'http_request_duration_seconds_bucket{le="+Inf"} 10',
        'http_request_duration_seconds_sum 2',
        'http_request_duration_seconds_count 10',
        '',
      ].join('\n'),
    );
    expect(contractExposition(contract, 'node-exporter', 10)).toBe('# TYPE node_memory_MemTotal_bytes gauge\nnode_memory_MemTotal_bytes 1000\n');
  });
});
