import { describe, expect, it } from 'vitest';
import { startGaugeReconciler } from './gauge-reconciler.js';
import { HoveringGauge } from './hovering-gauge.js';

// Port 1 on localhost: nothing listens, every query is refused at once, as when Prometheus is gone.
const noPrometheus = 'http://127.0.0.1:1';

describe('startGaugeReconciler', () => {
  it('ends by itself after its lifetime, without stop(): a stack left up does not poll forever', async () => {
    const reconciler = startGaugeReconciler(new HoveringGauge(), noPrometheus, 20, 300);
    const started = Date.now();
    await reconciler.finished;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('stop() ends the loop before its lifetime', async () => {
    const reconciler = startGaugeReconciler(new HoveringGauge(), noPrometheus, 20, 3_600_000);
    await reconciler.stop();
    await expect(reconciler.finished).resolves.toBeUndefined();
  });
});
