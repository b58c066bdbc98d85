import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { containerRuntime } from '../engines/container-runtime.js';
import { runTool, ToolUnavailableError } from './tool-runner.js';

afterEach(() => vi.unstubAllEnvs());

describe('runTool', () => {
  it('runs promtool inside the pinned Prometheus image, for users who have only Docker', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const result = await runTool('promtool', ['--version']);
    expect(result.via).toMatch(/^image /);
    expect(result.stdout).toMatch(/promtool, version 2\.42\.0/);
  });

  it('sees repository and temp files at their own paths inside the image', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const dir = mkdtempSync(join(tmpdir(), 'amtool-'));
    writeFileSync(join(dir, 'alertmanager.yml'), 'route:\n  receiver: nowhere\nreceivers: []\n');
    const result = await runTool('amtool', ['check-config', join(dir, 'alertmanager.yml')]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/undefined receiver "nowhere"/);
  });

  it('explains what is missing when neither a local binary nor Docker is there', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    const error = await runTool('amtool', ['--version']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolUnavailableError);
    expect((error as Error).message).toMatch(/^amtool is not available: no local binary of version 0\.25\.0 on the PATH \(HARNESS_TOOL_MODE=image\), and Docker is unreachable/);
  });

  it('refuses a local-only run when the PATH has no binary of the pinned version', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'local');
    vi.stubEnv('PATH', '/nonexistent');
    await expect(runTool('promtool', ['--version'])).rejects.toThrow(/no local binary of version 2\.42\.0 on the PATH \(HARNESS_TOOL_MODE=local\)/);
  });
});
