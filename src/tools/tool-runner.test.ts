import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest';
import { engineVersion, imageFor } from '../engines/image-pins.js';
import { findOnPath, probeVersion } from './local-tool.js';
import { runTool, ToolUnavailableError } from './tool-runner.js';

// The unit project runs tools only as local binaries (HARNESS_TOOL_MODE=local in
// vitest.config.ts): the in-image path starts containers, so its tests live in
// tests/integration/tool-runner-image.test.ts.
afterEach(() => vi.unstubAllEnvs());

// The tools must be the version of the engine under test (the image the harness runs), e.g. 3.5.3.
const version = (engine: 'prometheus' | 'alertmanager') => engineVersion(imageFor(engine).image);
const asPattern = (v: string) => v.replaceAll('.', '\\.');

/** The real promtool of the engine under test on the PATH, or a skip that says how to get one. */
async function localPromtool(ctx: TestContext): Promise<string> {
  const wanted = version('prometheus');
  const binary = findOnPath(`promtool-${wanted}`) ?? findOnPath('promtool');
  const probe = binary ? await probeVersion(binary) : undefined;
  if (!binary || !probe || !('version' in probe) || probe.version !== wanted) ctx.skip(`no promtool ${wanted} on the PATH: run \`bash scripts/install-local-tools.sh\` (Debian)`);
  return binary!;
}

function blockFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy on purpose: the synchronous checks of `check` did this for 26 s on a loaded machine
  }
}

describe('runTool', () => {
  it('keeps a version probe alive while the event loop is blocked past the old 10 s timeout', async (ctx) => {
    const binary = await localPromtool(ctx);
    vi.stubEnv('HARNESS_TOOL_MODE', 'local');
    vi.stubEnv('PATH', `${join(binary, '..')}:/nonexistent-${Date.now()}`); // a PATH no earlier test resolved
    const pending = runTool('promtool', ['--version']); // the probe is spawned before this returns
    blockFor(12_000);
    const result = await pending;
    expect(result.via).toBe(`local ${binary}`);
    expect(result.stdout + result.stderr).toMatch(new RegExp(`promtool, version ${asPattern(version('prometheus'))}`));
  }, 120_000);

  it('does not remember a failed probe: once the tool answers, it is used', async (ctx) => {
    const binary = await localPromtool(ctx);
    const dir = mkdtempSync(join(tmpdir(), 'tool-probe-'));
    try {
      // A promtool that gives no version, as a crashed or killed probe gives none.
      writeFileSync(join(dir, 'promtool'), '#!/bin/sh\nexit 1\n');
      chmodSync(join(dir, 'promtool'), 0o755);
      vi.stubEnv('HARNESS_TOOL_MODE', 'local');
      vi.stubEnv('PATH', dir);
      const error = await runTool('promtool', ['--version']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ToolUnavailableError);
      expect((error as Error).message).toMatch(/gave no version \(`.*promtool --version` exited 1 and said nothing, twice\)/);

      rmSync(join(dir, 'promtool'));
      symlinkSync(binary, join(dir, 'promtool')); // same PATH, now the real tool
      const result = await runTool('promtool', ['--version']);
      expect(result.stdout + result.stderr).toMatch(new RegExp(`promtool, version ${asPattern(version('prometheus'))}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('explains what is missing when neither a local binary nor Docker is there', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    const error = await runTool('amtool', ['--version']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolUnavailableError);
    expect((error as Error).message).toMatch(
      new RegExp(`^amtool is not available: no local binary of version ${asPattern(version('alertmanager'))} on the PATH \\(HARNESS_TOOL_MODE=image\\), and Docker is unreachable`),
    );
  }, 60_000);

  it('refuses a local-only run when the PATH has no binary of the pinned version', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'local');
    vi.stubEnv('PATH', '/nonexistent');
    await expect(runTool('promtool', ['--version'])).rejects.toThrow(new RegExp(`no local binary of version ${asPattern(version('prometheus'))} on the PATH \\(HARNESS_TOOL_MODE=local\\)`));
  }, 60_000);
});
