// @stacks smoke
import { describe, expect, it } from 'vitest';
import { CaptureClient } from '../../src/capture/capture-client.js';
import { PrometheusApi } from '../../src/e2e/prometheus-api.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import type { SmokeStackInfo } from '../../src/stacks/smoke-stack.js';
import { SyntheticTargetClient } from '../../src/stacks/synthetic-target.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

interface WebhookBody {
  status: string;
  alerts: { status: string; labels: Record<string, string>; annotations: Record<string, string> }[];
}

describe('smoke: scrape -> rule -> Alertmanager -> receiver, on real engines', () => {
  it('is silent while the metric is zero, fires and is delivered once it rises, and resolves', async (ctx) => {
    const stack = requireStack<SmokeStackInfo>(ctx, 'smoke');
    const prometheus = new PrometheusApi(stack.prometheusUrl);
    const target = new SyntheticTargetClient(stack.targetUrl);
    const capture = new CaptureClient(stack.captureUrl);

    await target.serve('smoke_value 0');
    // Wait until Prometheus has really scraped the zero, so "no alert" means something.
    await pollUntil(async () => ((await prometheus.query('smoke_value == 0')).length === 1 ? true : undefined), { timeoutMs: 20_000, what: 'the first scrape of smoke_value 0' });
    expect((await prometheus.alerts()).filter((a) => a.labels.alertname === 'SmokeValueHigh')).toEqual([]);

    const after = await capture.mark();
    await target.serve('smoke_value 3');
    const firing = await capture.waitFor((r) => (r.json as WebhookBody | undefined)?.status === 'firing', {
      path: '/webhook/smoke',
      after,
      timeoutMs: 20_000,
      what: 'SmokeValueHigh delivered as firing',
    });
    const body = firing.json as WebhookBody;
    expect(body.alerts).toHaveLength(1);
    expect(body.alerts[0]!.labels).toMatchObject({ alertname: 'SmokeValueHigh', severity: 'warning', job: 'synthetic' });
    expect(body.alerts[0]!.annotations.summary).toBe('smoke_value is 3');

    await target.serve('smoke_value 0');
    const resolved = await capture.waitFor((r) => (r.json as WebhookBody | undefined)?.status === 'resolved', {
      path: '/webhook/smoke',
      after: firing.seq,
      timeoutMs: 20_000,
      what: 'SmokeValueHigh delivered as resolved',
    });
    expect((resolved.json as WebhookBody).alerts[0]!.labels.alertname).toBe('SmokeValueHigh');
  });
});
