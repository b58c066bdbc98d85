import { repoRoot } from '../sources/repo-files.js';
import { ensureImage } from '../engines/image-availability.js';
import { engineVersion, imageFor, type EngineName } from '../engines/image-pins.js';
import { imageRunner } from './image-tool.js';
import { findOnPath, localRunner, probeVersion } from './local-tool.js';
import { ToolUnavailableError, type ToolName, type ToolResult } from './tool-result.js';

export { ToolUnavailableError, type ToolName, type ToolResult } from './tool-result.js';

const engineOf: Record<ToolName, EngineName> = { promtool: 'prometheus', amtool: 'alertmanager' };

type Runner = (args: readonly string[], cwd: string) => Promise<ToolResult>;
/** A runner, and whether it is the settled answer (false: a probe failed, ask again next time). */
interface Resolved {
  runner: Runner;
  settled: boolean;
}
const runners = new Map<string, Promise<Runner>>();

/**
 * Runs promtool or amtool. A local binary of the pinned version is used when one is on the
 * PATH (fast); otherwise the tool runs inside the pinned engine image, so a user needs only
 * Docker. File arguments mean the same thing either way (image-tool.ts mounts them).
 */
export async function runTool(tool: ToolName, args: readonly string[], cwd = repoRoot): Promise<ToolResult> {
  return (await runnerFor(tool))(args, cwd);
}

/** How `tool` would run here, without running it: for reports and skip messages. */
export async function describeTool(tool: ToolName): Promise<string> {
  const run = await runTool(tool, ['--version']);
  return run.via;
}

/**
 * Decides, before any CPU-heavy work starts, how each tool runs (`check` calls it first).
 * Failures are left for the tool's own callers to report, and are not remembered.
 */
export async function prepareTools(tools: readonly ToolName[] = ['promtool', 'amtool']): Promise<void> {
  await Promise.allSettled(tools.map((tool) => runnerFor(tool)));
}

/**
 * The runner for `tool`, decided once per run and shared by concurrent callers. Only a settled
 * answer is kept: a probe that failed or threw is forgotten once it is over, so a busy moment
 * never becomes the answer for the rest of the run.
 */
function runnerFor(tool: ToolName): Promise<Runner> {
  // Keyed by the settings that decide how it runs, so a test that changes them gets a fresh answer.
  const key = `${tool}|${process.env.HARNESS_TOOL_MODE ?? ''}|${process.env.DOCKER_HOST ?? ''}|${process.env.PATH ?? ''}`;
  let runner = runners.get(key);
  if (!runner) {
    const resolving = resolveRunner(tool);
    runner = resolving.then((r) => r.runner);
    runners.set(key, runner);
    const forget = () => runners.get(key) === runner && runners.delete(key);
    resolving.then((r) => (r.settled ? undefined : forget()), forget);
  }
  return runner;
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

async function resolveRunner(tool: ToolName): Promise<Resolved> {
  const mode = toolMode();
  const choice = imageFor(engineOf[tool]);
  // The version of the engine under test (a stand-in or a matrix override may differ from the
  // pin): promtool's rule semantics and amtool's routing must be that engine's.
  const wanted = engineVersion(choice.image);
  // scripts/install-local-tools.sh installs versioned names, so several lines live side by side.
  const local = mode === 'image' ? undefined : (findOnPath(`${tool}-${wanted}`) ?? findOnPath(tool));
  let localNote = mode === 'image' ? ' (HARNESS_TOOL_MODE=image)' : '';
  let settled = true;
  if (local) {
    const probe = await probeVersion(local);
    if ('version' in probe && probe.version === wanted) return { runner: localRunner(local), settled };
    if ('version' in probe) localNote = `; the local ${local} is version ${probe.version}, not ${wanted} (the engine under test, ${choice.image})`;
    else {
      localNote = `; the local ${local} gave no version (${probe.failure}, twice)`;
      settled = false;
    }
  }
  if (mode === 'local') throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote} (HARNESS_TOOL_MODE=local)`);
  try {
    const missing = await ensureImage(choice);
    if (missing) throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote}, and ${missing}`);
  } catch (error) {
    if (error instanceof ToolUnavailableError) throw error;
    throw new ToolUnavailableError(tool, `no local binary of version ${wanted} on the PATH${localNote}, and ${error instanceof Error ? error.message : String(error)}`);
  }
  return { runner: imageRunner(tool, choice.image), settled };
}
