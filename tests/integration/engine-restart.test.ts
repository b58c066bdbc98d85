import { describe, expect, it, type TestContext } from 'vitest';
import { startEngineNetwork } from '../../src/engines/container-network.js';
import { containerRuntime } from '../../src/engines/container-runtime.js';
import type { EngineSpec } from '../../src/engines/engine.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { imageFor } from '../../src/engines/image-pins.js';
import { prometheusSpec } from '../../src/stacks/prometheus-spec.js';

async function needPrometheus(ctx: TestContext): Promise<void> {
  const docker = await containerRuntime().catch((e: Error) => e);
  if (docker instanceof Error) ctx.skip(docker.message);
  const missing = await ensureImage(imageFor('prometheus'));
  if (missing) ctx.skip(missing);
}

/** One request, no retry: is it ready the moment resume() returned? */
async function readyNow(url: string): Promise<number | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
}

// An alert that watches an engine go down and come back needs the engine up again when
// resume() returns, not merely its container started: Prometheus takes seconds to replay its
// write-ahead log and answer /-/ready (more on a busy machine).
describe('an engine restarted with pause()/resume()', () => {
  async function restartIsReady(ctx: TestContext, variant: (spec: EngineSpec) => EngineSpec): Promise<void> {
    await needPrometheus(ctx);
    await using network = await startEngineNetwork();
    const engine = await network.start(variant(prometheusSpec({ name: 'restarted', config: 'global: {}\n' })));
    expect(await readyNow(engine.url(9090, '/-/ready'))).toBe(200);

    await engine.pause();
    expect(await readyNow(engine.url(9090, '/-/ready'))).not.toBe(200);
    await engine.resume();
    expect(await readyNow(engine.url(9090, '/-/ready'))).toBe(200);
  }

  it('is ready again when resume() returns, by its HTTP ready check', (ctx) => restartIsReady(ctx, (spec) => spec), 360_000);

  it(
    'is ready again when resume() returns, by its ready log line printed once more',
    (ctx) => restartIsReady(ctx, (spec) => ({ ...spec, ready: { log: /Server is ready to receive web requests/ } })),
    360_000,
  );
});
