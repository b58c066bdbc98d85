import { expect, test } from 'vitest';
import { engineVersionLines } from './engine-versions.js';
import { engineVersion, imageFor } from './image-pins.js';

const pinned = (engine: 'prometheus' | 'alertmanager') => engineVersion(imageFor(engine, {}).pinned);
const otherPatch = (v: string) => v.replace(/\d+$/, (p) => String(Number(p) + 1));

test('names each engine with its image and pin, and flags a stand-in of another patch or release', () => {
  const lines = engineVersionLines({ HARNESS_IMAGE_PROMETHEUS: `nowhere/prometheus:${otherPatch(pinned('prometheus'))}`, HARNESS_IMAGE_ALERTMANAGER: 'nowhere/alertmanager:0.1.0' });
  expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['prometheus', 'alertmanager', 'node-exporter', 'mysqld-exporter', 'database', 'jruby']);
  expect(lines[0]).toContain(`pin v${pinned('prometheus')}, stand-in nowhere/prometheus:${otherPatch(pinned('prometheus'))}`);
  expect(lines[0]).toContain('ANOTHER PATCH than the pin');
  expect(lines[1]).toContain('ANOTHER RELEASE than the pin');
});
