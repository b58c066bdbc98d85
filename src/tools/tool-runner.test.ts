import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { containerRuntime } from '../engines/container-runtime.js';
import { runTool, ToolUnavailableError } from './tool-runner.js';

const saved = { HARNESS_TOOL_MODE: process.env.HARNESS_TOOL_MODE, DOCKER_HOST: process.env.DOCKER_HOST };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('runTool', () => {
  it('runs promtool inside the pinned Prometheus image, for users who have only Docker', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    process.env.HARNESS_TOOL_MODE = 'image';
    const result = await runTool('promtool', ['--version']);
    expect(result.via).toMatch(/^image /);
    expect(result.stdout).toMatch(/promtool, version 2\.42\.0/);
  });

  it('sees repository and temp files at their own paths inside the image', async (ctx) => {
    const docker = await containerRuntime().catch((e: Error) => e);
    if (docker instanceof Error) ctx.skip(docker.message);
    process.env.HARNESS_TOOL_MODE = 'image';
    const dir = mkdtempSync(join(tmpdir(), 'amtool-'));
    writeFileSync(join(dir, 'alertmanager.yml'), 'route:\n  receiver: nowhere\nreceivers: []\n');
    const result = await runTool('amtool', ['check-config', join(dir, 'alertmanager.yml')]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/undefined receiver "nowhere"/);
  });

  it('explains what is missing when neither a local binary nor Docker is there', async () => {
    process.env.HARNESS_TOOL_MODE = 'image';
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock';
    const error = await runTool('amtool', ['--version']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolUnavailableError);
    expect((error as Error).message).toMatch(/^amtool is not available: no local binary of version 0\.25\.0 on the PATH \(HARNESS_TOOL_MODE=image\), and Docker is unreachable/);
  });

  it('refuses a local-only run when the PATH has no binary of the pinned version', async () => {
    process.env.HARNESS_TOOL_MODE = 'local';
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(runTool('promtool', ['--version'])).rejects.toThrow(/no local binary of version 2\.42\.0 on the PATH \(HARNESS_TOOL_MODE=local\)/);
    } finally {
      process.env.PATH = path;
    }
  });
});
