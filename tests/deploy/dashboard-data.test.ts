// @stacks grafana
import { describe, expect, it } from 'vitest';
import type { GrafanaStackInfo } from '../../src/deploy/grafana-stack.js';
import { alertingFiles, loadDashboards, loadProvisioning, queriesOf } from '../../src/deploy/grafana-files.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

/**
 * The Prometheus half of the Grafana stack, which runs wherever Prometheus does: every panel
 * query and the Grafana alert's query, sent as Grafana sends them (a range query), return
 * series from contract metrics scraped under the canonical job names and the canonical
 * recording rules. This proves the queries, the recording rules they name and the job labels
 * fit together; grafana-live.test.ts then proves Grafana itself renders them.
 */
const queries = queriesOf(loadDashboards(), loadProvisioning(alertingFiles));

describe('dashboard queries on a Prometheus with the recording rules', () => {
  for (const query of queries) {
    it(`${query.what} returns series`, async (ctx) => {
      const { prometheusUrl } = requireStack<GrafanaStackInfo>(ctx, 'grafana');
      const series = await pollUntil(
        async () => {
          const end = Date.now() / 1000;
          const params = new URLSearchParams({ query: query.expr, start: String(end - 300), end: String(end), step: '1' });
          const body = (await (await fetch(`${prometheusUrl}/api/v1/query_range?${params}`)).json()) as { status: string; error?: string; data?: { result: { values: unknown[] }[] } };
          if (body.status !== 'success') throw new Error(`Prometheus rejected the query: ${body.error}`);
          const found = body.data!.result.filter((s) => s.values.length > 0);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1000, what: `${query.what} to return series` },
      );
      expect(series.length).toBeGreaterThan(0);
    });
  }
});
