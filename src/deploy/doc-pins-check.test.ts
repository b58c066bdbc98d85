import { expect, test } from 'vitest';
import { docPinsAgree } from './doc-pins-check.js';

const pins = new Map([
  ['prom/prometheus', 'v3.5.3'],
  ['prom/alertmanager', 'v0.33.1'],
]);

test('a doc stating another version of a pinned image is named at its line, in image or prose form', () => {
  const problems = docPinsAgree(pins, [{ file: 'README.md', text: '| prometheus | prom/prometheus:v2.42.0 |\nWe pin Prometheus v3.5.3 and Alertmanager v0.25.0.\n' }]);
  expect(problems.map((p) => [p.line, p.message])).toEqual([
    [1, 'states prom/prometheus v2.42.0, but monitoring/docker-compose.monitoring.yml pins prom/prometheus:v3.5.3'],
    [2, 'states prom/alertmanager v0.25.0, but monitoring/docker-compose.monitoring.yml pins prom/alertmanager:v0.33.1'],
  ]);
});

test('the pinned versions, other images and versionless mentions pass', () => {
  expect(docPinsAgree(pins, [{ file: 'x.md', text: 'prom/prometheus:v3.5.3, local/prometheus:3.5.3, Prometheus 2.x, Alertmanager 0.28' }])).toEqual([]);
});
