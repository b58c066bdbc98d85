import { describe, expect, it } from 'vitest';
import { createAppMetrics } from './app-metrics.js';
import { createMetricsRegistry, processMetricPrefixes } from './registry.js';
import { readRegistry } from '../../tests/support/scrape.js';

describe('the metrics registry', () => {
  it("is the app's own: two apps in one process neither collide nor share values", async () => {
    const first = createAppMetrics();
    const second = createAppMetrics();
    first.business.classCreated();
    expect((await readRegistry(first.registry)).get('timetable_classes_created_total')!.samples[0]!.value).toBe(1);
    expect((await readRegistry(second.registry)).get('timetable_classes_created_total')!.samples[0]!.value).toBe(0);
  });

  it('holds no default process metrics unless asked', async () => {
    expect([...(await readRegistry(createMetricsRegistry())).keys()]).toEqual([]);
  });

  it("adds prom-client's process metrics on request, all under the documented prefixes", async () => {
    const names = [...(await readRegistry(createMetricsRegistry({ processMetrics: true }))).keys()];
    expect(names).toContain('process_cpu_seconds_total');
    expect(names).toContain('nodejs_eventloop_lag_seconds');
    expect(names.filter((name) => !processMetricPrefixes.some((prefix) => name.startsWith(prefix)))).toEqual([]);
  });

  it('rejects an option that is not a boolean', () => {
    expect(() => createMetricsRegistry({ processMetrics: 'yes' as never })).toThrow('createMetricsRegistry: processMetrics must be true or false, got "yes"');
  });
});
