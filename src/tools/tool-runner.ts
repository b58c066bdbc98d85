import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { repoRoot } from '../config/repo-files.js';
import { containerRuntime } from '../engines/container-runtime.js';
import { ensureImage } from '../engines/image-availability.js';
import { harnessLabels } from '../engines/harness-labels.js';
import { engineVersion, imageFor, type EngineName } from '../engines/image-pins.js';

export type ToolName = 'promtool' | 'amtool';

const engineOf: Record<ToolName, EngineName> = { promtool: 'prometheus', amtool: 'alertmanager' };
const pathInImage: Record<ToolName, string> = { promtool: '/bin/promtool', amtool: '/bin/amtool' };

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** How it ran, for messages: `local /usr/bin/promtool` or `image prom/prometheus:v2.42.0`. */
  via: string;
}

export class ToolUnavailableError extends Error {
  constructor(readonly tool: ToolName, reason: string) {
    super(`${tool} is not available: ${reason}`);
    this.name = 'ToolUnavailableError';
  }
}

type Runner = (args: readonly string[], cwd: string) => Promise<ToolResult>;
const runners = new Map<string, Promise<Runner>>();

/**
 * Runs promtool or amtool. A local binary of the pinned version is used when one is on the
 * PATH (fast); otherwise the tool runs inside the pinned engine image, so a user needs only
 * Docker. The repository and the temp directory are mounted at their own paths, so file
 * arguments mean the same thing either way.
 */
export async function runTool(tool: ToolName, args: readonly string[], cwd = repoRoot): Promise<ToolResult> {
  // Keyed by the settings that decide how it runs, so a test that changes them gets a fresh answer.
  const key = `${tool}|${process.env.HARNESS_TOOL_MODE ?? ''}|${process.env.DOCKER_HOST ?? ''}`;
  let runner = runners.get(key);
  if (!runner) {
    runner = resolveRunner(tool);
    runners.set(key, runner);
  }
  return (await runner)(args, cwd);
}

/** How `tool` would run here, without running it: for reports and skip messages. */
export async function describeTool(tool: ToolName): Promise<string> {
  const run = await runTool(tool, ['--version']);
  return run.via;
}

/**
 * HARNESS_TOOL_MODE=image forces the in-image path (what a user with only Docker gets),
 * `local` forbids it; the default `auto` prefers a matching local binary.
 */
function toolMode(): 'auto' | 'image' | 'local' {
  const mode = process.env.HARNESS_TOOL_MODE ?? 'auto';
  if (mode !== 'auto' && mode !== 'image' && mode !== 'local') throw new Error(`HARNESS_TOOL_MODE must be auto, image or local, not "${mode}"`);
  return mode;
}

async function resolveRunner(tool: ToolName): Promise<Runner> {
  const mode = toolMode();
  const choice = imageFor(engineOf[tool]);
  // The version of the engine under test (a stand-in or a matrix override may differ from the
  // pin): promtool's rule semantics and amtool's routing must be that engine's.
  const wanted = engineVersion(choice.image);
  // scripts/install-local-tools.sh installs versioned names, so several lines live side by side.
  const local = mode === 'image' ? undefined : (findOnPath(`${tool}-${wanted}`) ?? findOnPath(tool));
  let localNote = mode === 'image' ? ' (HARNESS_TOOL_MODE=image)' : '';
  if (local) {
    const version = await localVersion(local);
    if (version === wanted) return localRunner(local);
    localNote = `; the local ${local} is version ${version ?? 'unknown'}, not ${wanted} (the engine under test, ${choice.image})`;
  }
  if (mode === 'local') throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote} (HARNESS_TOOL_MODE=local)`);
  try {
    const missing = await ensureImage(choice);
    if (missing) throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote}, and ${missing}`);
  } catch (error) {
    if (error instanceof ToolUnavailableError) throw error;
    throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote}, and ${error instanceof Error ? error.message : String(error)}`);
  }
  return imageRunner(tool, choice.image);
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function localVersion(binary: string): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await promisify(execFile)(binary, ['--version'], { timeout: 10_000 });
    return /version (\d+\.\d+\.\d+)/.exec(stdout + stderr)?.[1];
  } catch {
    return undefined;
  }
}

function localRunner(binary: string): Runner {
  return (args, cwd) =>
    new Promise((resolve) => {
      execFile(binary, args, { cwd, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr, via: `local ${binary}` });
      });
    });
}

function imageRunner(tool: ToolName, image: string): Runner {
  return async (args, cwd) => {
    const docker = (await containerRuntime()).container.dockerode;
    const stdout = collect();
    const stderr = collect();
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const [result, container] = (await docker.run(image, [...args], [stdout.stream, stderr.stream], {
      Entrypoint: [pathInImage[tool]],
      WorkingDir: cwd,
      User: `${uid}:${gid}`,
      Tty: false,
      Labels: harnessLabels(),
      HostConfig: { NetworkMode: 'none', Binds: [`${repoRoot}:${repoRoot}:ro`, `${tmpdir()}:${tmpdir()}`] },
    })) as [{ StatusCode: number }, { remove(opts: object): Promise<unknown> }];
    await container.remove({ force: true }).catch(() => undefined);
    return { exitCode: result.StatusCode, stdout: stdout.text(), stderr: stderr.text(), via: `image ${image}` };
  };
}

function collect(): { stream: PassThrough; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
