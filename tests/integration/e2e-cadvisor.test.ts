// @stacks e2e-live
import { describe, expect, it } from 'vitest';
import { loadMetricsContract } from '../../src/metrics-contract/metrics-contract.js';
import { contractGaps } from '../../src/e2e/contract-in-live-data.js';
import type { LiveStackInfo } from '../../src/e2e/live-stack.js';
import { PrometheusApi } from '../../src/e2e/prometheus-api.js';
import { requireStack } from '../../src/stacks/require-stack.js';
import { pollUntil } from '../../src/waiting/poll-until.js';

describe('cAdvisor in the live end-to-end stack', () => {
  it('exposes the contract metrics ContainerMemoryNearLimit reads, under their real names', async (ctx) => {
    const stack = requireStack<LiveStackInfo>(ctx, 'e2e-live');
    if (stack.cadvisor.state === 'missing') {
      ctx.skip(
        `${stack.cadvisor.reason} Its scrape job is dropped from the live test copy of prometheus.yml; ContainerMemoryNearLimit is still proven end to end by fixtures/incidents/host-pressure.yaml with injected cAdvisor series.`,
      );
    }
    if (stack.cadvisor.state === 'failed') throw new Error(`cAdvisor's image is here but it did not start: ${stack.cadvisor.reason}`);
    const prometheus = new PrometheusApi(stack.prometheusUrl);
    const contract = loadMetricsContract().filter((m) => m.source === 'cadvisor');
    let gaps: Awaited<ReturnType<typeof contractGaps>> = [];
    await pollUntil(
      async () => ((gaps = await contractGaps(prometheus, contract)).length === 0 ? true : undefined),
      { timeoutMs: 20_000, what: "cAdvisor's contract metrics in the live data" },
      () => gaps,
    ).catch(() => undefined);
    expect(gaps.map((g) => `${g.where} ${g.metric}: ${g.problem}`)).toEqual([]);
  });
});
