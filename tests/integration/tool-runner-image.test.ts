import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest';
import { containerRuntime } from '../../src/engines/container-runtime.js';
import { engineVersion, imageFor } from '../../src/engines/image-pins.js';
import { ensureImage } from '../../src/engines/image-availability.js';
import { runTool } from '../../src/tools/tool-runner.js';

// promtool and amtool inside the pinned images: what a user with only Docker gets. Here and
// not in the unit project, because each run starts a container.
afterEach(() => vi.unstubAllEnvs());

async function needImage(ctx: TestContext, engine: 'prometheus' | 'alertmanager'): Promise<void> {
  const docker = await containerRuntime().catch((e: Error) => e);
  if (docker instanceof Error) ctx.skip(docker.message);
  const missing = await ensureImage(imageFor(engine));
  if (missing) ctx.skip(missing);
}

describe('runTool inside the pinned images', () => {
  it('runs promtool inside the pinned Prometheus image, for users who have only Docker', async (ctx) => {
    await needImage(ctx, 'prometheus');
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const result = await runTool('promtool', ['--version']);
    expect(result.via).toMatch(/^image /);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`promtool, version ${engineVersion(imageFor('prometheus').image).replaceAll('.', '\\.')}`));
  });

  it('sees repository and temp files at their own paths inside the image', async (ctx) => {
    await needImage(ctx, 'alertmanager');
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const dir = mkdtempSync(join(tmpdir(), 'amtool-'));
    try {
      writeFileSync(join(dir, 'alertmanager.yml'), 'route:\n  receiver: nowhere\nreceivers: []\n');
      const result = await runTool('amtool', ['check-config', join(dir, 'alertmanager.yml')]);
      expect(result.via).toMatch(/^image /);
      expect(result.exitCode).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(/undefined receiver "nowhere"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
