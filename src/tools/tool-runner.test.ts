import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { containerRuntime } from '../engines/container-runtime.js';
import { engineVersion, imageFor } from '../engines/image-pins.js';
import { runTool, ToolUnavailableError } from './tool-runner.js';

afterEach(() => vi.unstubAllEnvs());

// The tools must be the version of the engine under test (the image the harness runs), e.g. 3.5.3.
const version = (engine: 'prometheus' | 'alertmanager') => engineVersion(imageFor(engine).image);
const asPattern = (v: string) => v.replaceAll('.', '\\.');

describe('runTool', () => {
  it('runs promtool inside the pinned Prometheus image, for users who have only Docker', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const result = await runTool('promtool', ['--version']);
    expect(result.via).toMatch(/^image /);
    expect(result.stdout).toMatch(new RegExp(`promtool, version ${asPattern(version('prometheus'))}`));
    // A container start: seconds on a loaded machine, never the default 5 s budget.
  }, 120_000);

  it('sees repository and temp files at their own paths inside the image', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    const dir = mkdtempSync(join(tmpdir(), 'amtool-'));
    writeFileSync(join(dir, 'alertmanager.yml'), 'route:\n  receiver: nowhere\nreceivers: []\n');
    const result = await runTool('amtool', ['check-config', join(dir, 'alertmanager.yml')]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/undefined receiver "nowhere"/);
  }, 120_000);

  it('explains what is missing when neither a local binary nor Docker is there', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'image');
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    const error = await runTool('amtool', ['--version']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^amtool is not available: no local binary of version ${asPattern(version('alertmanager'))} on the PATH \\(HARNESS_TOOL_MODE=image\\), and Docker is unreachable`));
  });

  it('refuses a local-only run when the PATH has no binary of the pinned version', async () => {
    vi.stubEnv('HARNESS_TOOL_MODE', 'local');
    vi.stubEnv('PATH', '/nonexistent');
    await expect(runTool('promtool', ['--version'])).rejects.toThrow(new RegExp(`no local binary of version ${asPattern(version('prometheus'))} on the PATH \\(HARNESS_TOOL_MODE=local\\)`));
  });
});
