// @stacks grafana
import { describe, expect, it, type TestContext } from 'vitest';
import type { GrafanaStackInfo } from '../../src/deploy/grafana-stack.js';
import { alertingFiles, loadDashboards, loadProvisioning, panelsOf, queriesOf } from '../../src/deploy/grafana-files.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

/**
 * The official Grafana image with the repository's provisioning: the data sources, dashboards
 * and alert rule load, and every panel query returns data from a test Prometheus (Grafana's
 * HTTP API: /api/datasources, /api/dashboards/uid, /api/v1/provisioning/alert-rules, /api/ds/query).
 */
const dashboards = loadDashboards();
const queries = queriesOf(dashboards, loadProvisioning(alertingFiles)).filter((q) => q.what.startsWith('dashboard'));

type Grafana = NonNullable<GrafanaStackInfo['grafana']>;

/** The Grafana of the stack, or a skip that names the missing image and how to get it. */
function requireGrafana(ctx: TestContext): Grafana {
  const info = requireStack<GrafanaStackInfo>(ctx, 'grafana');
  if (!info.grafana) ctx.skip(info.grafanaMissing ?? 'Grafana did not start');
  return info.grafana!;
}

async function grafana(info: Grafana, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${info.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Basic ${Buffer.from(`${info.user}:${info.password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

describe('Grafana with the provisioned files (official image)', () => {
  it('loads the Prometheus data source with the uid the panels use', async (ctx) => {
    const info = requireGrafana(ctx);
    const { status, json } = await grafana(info, '/api/datasources/uid/prometheus');
    expect(status).toBe(200);
    expect(json).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
  });

  for (const file of dashboards) {
    const uid = String((file.data as { uid: string }).uid);
    it(`provisions dashboard ${uid} with all its panels`, async (ctx) => {
      const info = requireGrafana(ctx);
      const { status, json } = await pollUntil(
        async () => {
          const r = await grafana(info, `/api/dashboards/uid/${uid}`);
          return r.status === 200 ? r : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500, what: `dashboard ${uid} to be provisioned` },
      );
      expect(status).toBe(200);
      const panels = (json as { dashboard: { panels: unknown[] } }).dashboard.panels;
      expect(panels.length).toBe(panelsOf(file).length);
    });
  }

  it('provisions the error-rate alert rule, linked to its panel', async (ctx) => {
    const info = requireGrafana(ctx);
    const { status, json } = await grafana(info, '/api/v1/provisioning/alert-rules/timetable-dashboard-error-rate');
    expect(status).toBe(200);
    expect(json).toMatchObject({ title: 'DashboardErrorRate', condition: 'C' });
  });

  for (const query of queries) {
    it(`${query.what} returns data`, async (ctx) => {
      const info = requireGrafana(ctx);
      // Recording rules need an evaluation and rates two scrapes: poll, bounded.
      const frames = await pollUntil(
        async () => {
          const r = await grafana(info, '/api/ds/query', {
            from: 'now-5m',
            to: 'now',
            queries: [{ refId: 'A', datasource: { type: 'prometheus', uid: 'prometheus' }, expr: query.expr, range: true, intervalMs: 1000, maxDataPoints: 300 }],
          });
          const found = ((r.json as { results?: { A?: { frames?: { data?: { values?: unknown[][] } }[] } } })?.results?.A?.frames ?? []).filter((f) => (f.data?.values?.[1]?.length ?? 0) > 0);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 1000, what: `${query.what} to return data` },
      );
      expect(frames.length).toBeGreaterThan(0);
    });
  }
});
