import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEngineNetwork } from '../../src/engines/container-network.js';
import { containerRuntime, DockerUnreachableError } from '../../src/engines/container-runtime.js';
import { EngineStartError } from '../../src/engines/engine.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { imageFor } from '../../src/engines/image-pins.js';
import { alertmanagerSpec } from '../../src/stacks/alertmanager-spec.js';
import { smokeStack } from '../../src/stacks/smoke-stack.js';
import { startStacks } from '../../src/stacks/start-stacks.js';

afterEach(() => vi.unstubAllEnvs());

describe('when an engine cannot run, the run says why and what to do', () => {
  it('Docker unreachable: names the endpoint tried and how to start Docker', async () => {
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    const error = await containerRuntime().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerUnreachableError);
    expect((error as Error).message).toBe(
      'Docker is unreachable (DOCKER_HOST is set, and unix:///nonexistent/docker.sock: ENOENT). ' +
        'Start the Docker engine (on Debian: apt-get install -y docker.io && dockerd &) or point DOCKER_HOST at one; `docker info` must succeed.',
    );
    // Stacks then count as unavailable (their tests skip with this reason), not as crashes.
    const started = await startStacks([smokeStack]);
    expect(started.statuses.smoke).toEqual({ state: 'unavailable', reason: (error as Error).message });
    await started.stop();
  });

  it('image missing: names the image, where it was chosen, and how to build or pull it', async (ctx) => {
    const docker = await containerRuntime().catch((e: unknown) => e);
    if (docker instanceof Error) ctx.skip(`needs Docker to ask for an image: ${docker.message}`);
    vi.stubEnv('HARNESS_IMAGE_PROMETHEUS', 'local/no-such-prometheus:0.0.0');
    const started = await startStacks([smokeStack]);
    await started.stop();
    const status = started.statuses.smoke;
    expect(status?.state).toBe('unavailable');
    const reason = (status as { reason: string }).reason;
    expect(reason).toMatch(/^image local\/no-such-prometheus:0\.0\.0 for prometheus \(from environment \(HARNESS_IMAGE_PROMETHEUS\)\) is not on this machine and could not be pulled \(.+\)\. /);
    expect(reason).toMatch(/Build or load local\/no-such-prometheus:0\.0\.0, or unset HARNESS_IMAGE_PROMETHEUS to use the pinned prom\/prometheus:v\d+\.\d+\.\d+\./);
    expect(reason).toContain('build a stand-in with `npm run images:offline`');
  });
});

describe('an engine that fails to start shows why', () => {
  it("fails at once, not at the startup timeout, with the engine's last log lines", async (ctx) => {
    const docker = await containerRuntime().catch((e: unknown) => e);
    if (docker instanceof Error) ctx.skip(`needs Docker: ${docker.message}`);
    const missing = await ensureImage(imageFor('alertmanager'));
    if (missing) ctx.skip(missing);
    await using network = await startEngineNetwork();
    const error = await network.start(alertmanagerSpec({ name: 'broken-alertmanager', config: 'route: [unclosed\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineStartError);
    const message = (error as Error).message;
    // Two ways Docker and testcontainers see an engine that stops at once: exited while its ready
    // check polled (its log streamed in), or gone before its ports were bound (seen once in CI, at
    // light load; testcontainers had not attached the log yet). Both say it exited.
    expect(message).toMatch(/^broken-alertmanager \(.+\) did not start: the engine exited before (it was ready|its ports were bound)/);
    expect(message).toContain('\n--- last log lines of broken-alertmanager ---\n');
    // 0.25 logs `Loading configuration file failed`, 0.33 (slog) `error loading configuration file`.
    if (/before it was ready/.test(message)) expect(message).toMatch(/(Loading configuration file failed|error loading configuration file).*did not find expected/);
  });
});
