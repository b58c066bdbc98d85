import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, openSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineNetwork } from '../engines/container-network.js';
import { hostFromEngines } from '../engines/engine.js';
import type { AlertingStackInfo } from '../stacks/alerting-stack.js';
import { pollUntil } from '../waiting/poll-until.js';
import type { LiveEngines } from './live-engines.js';
import { withProgress } from './progress.js';

/** What the keeper (engine-keeper.ts) writes once its engines are ready. */
export interface KeptState {
  pid: number;
  alerting: AlertingStackInfo;
  /** The Alertmanager's port on the host, which a Prometheus of another run reaches through host-gateway. */
  alertmanagerPort: number;
}

/** This harness's checkout, whose tsx and engine-keeper.ts run the keeper (a `--root` copy need not have node_modules). */
const harnessDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the keeper of the checkout at `root` writes its state and log: one keeper per checkout. */
function keptFiles(root: string): { state: string; log: string } {
  const id = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 8);
  return { state: join(tmpdir(), `timetable-reproduce-${id}.json`), log: join(tmpdir(), `timetable-reproduce-${id}.log`) };
}

function readState(keptStateFile: string): KeptState | undefined {
  try {
    return JSON.parse(readFileSync(keptStateFile, 'utf8')) as KeptState;
  } catch {
    return undefined;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function answers(state: KeptState): Promise<boolean> {
  try {
    const [am, capture] = await Promise.all([fetch(`${state.alerting.alertmanagerUrl}/-/ready`), fetch(`${state.alerting.captureUrl}/__capture/requests?path=/none`)]);
    return am.ok && capture.ok;
  } catch {
    return false;
  }
}

/**
 * `--reuse`: the Alertmanager and capture server a keeper process holds for the checkout at
 * `root` (running its alertmanager.yml), started (detached, and left running) when there is none
 * that answers. Each use keeps it alive for another idle period. The incident's own Prometheus is
 * always new: history cannot be taken back out of one.
 */
export async function keptEngines(write: (line: string) => void, root: string): Promise<LiveEngines> {
  const { state: keptStateFile, log: keptLogFile } = keptFiles(root);
  let state = readState(keptStateFile);
  const reused = state !== undefined && alive(state.pid) && (await answers(state));
  if (!reused) {
    rmSync(keptStateFile, { force: true });
    const log = openSync(keptLogFile, 'w');
    // The keeper owns its containers (labels carry its pid and a session of its own), not this process.
    const { HARNESS_SESSION_ID: _, ...env } = process.env;
    const child = spawn(process.execPath, [join(harnessDir, 'node_modules/tsx/dist/cli.mjs'), join(harnessDir, 'src/reproduce/engine-keeper.ts'), keptStateFile, resolve(root)], {
      detached: true,
      stdio: ['ignore', log, log],
      env,
    });
    child.unref();
    state = await withProgress(write, `starting engines to keep (keeper pid ${child.pid}, log ${keptLogFile})`, () =>
      pollUntil(
        async () =>
          existsSync(keptStateFile)
            ? readState(keptStateFile)
            : child.exitCode !== null
              ? Promise.reject(new Error(`the keeper exited (${child.exitCode}): ${readFileSync(keptLogFile, 'utf8').slice(-2000)}`))
              : undefined,
        { timeoutMs: 240_000, intervalMs: 500, what: 'the kept engines to be ready' },
      ),
    );
  } else write(`  ✓ reusing the engines kept by pid ${state!.pid} (Alertmanager ${state!.alerting.alertmanagerUrl}); \`npm run reproduce -- --stop\` stops them`);
  utimesSync(keptStateFile, new Date(), new Date());
  const network = await withProgress(write, 'creating a Docker network for the incident', () => startEngineNetwork());
  return { alerting: state!.alerting, alertmanagerAddress: `${hostFromEngines}:${state!.alertmanagerPort}`, network, reused, stop: () => network.stop() };
}

/** `--stop`: ends the keeper of the checkout at `root` (its reaper then removes its containers). */
export async function stopKeptEngines(root: string): Promise<string> {
  const { state: keptStateFile } = keptFiles(root);
  const state = readState(keptStateFile);
  if (!state || !alive(state.pid)) {
    rmSync(keptStateFile, { force: true });
    return 'no kept engines are running';
  }
  process.kill(state.pid, 'SIGTERM');
  await pollUntil(async () => (alive(state.pid) ? undefined : true), { timeoutMs: 30_000, intervalMs: 200, what: `the keeper (pid ${state.pid}) to stop` });
  rmSync(keptStateFile, { force: true });
  return `stopped the kept engines (keeper pid ${state.pid})`;
}
