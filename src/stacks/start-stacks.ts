import { startCaptureServer } from '../capture/capture-server.js';
import { startEngineNetwork } from '../engines/container-network.js';
import { DockerUnreachableError } from '../engines/container-runtime.js';
import { hostFromEngines, ImageMissingError } from '../engines/engine.js';
import { sweepOrphans } from '../engines/reaper.js';
import type { SharedServices, StackDefinition, StackStatus } from './stack.js';

export interface StartedStacks {
  statuses: Record<string, StackStatus>;
  stop(): Promise<void>;
}

/**
 * Starts every stack side by side on one network, once. Nothing here throws: a stack that
 * can't start on this machine (no Docker, an image missing) is `unavailable` with a reason
 * its tests skip with; one that starts and breaks is `failed` and its tests fail with it.
 */
export async function startStacks(definitions: readonly StackDefinition<unknown>[]): Promise<StartedStacks> {
  const statuses: Record<string, StackStatus> = {};
  const stops: (() => Promise<void>)[] = [];
  let shared: SharedServices;
  try {
    await sweepOrphans();
    const capture = await startCaptureServer();
    stops.push(() => capture.stop());
    const network = await startEngineNetwork();
    stops.unshift(() => network.stop());
    shared = { network, capture, captureFromEngines: `http://${hostFromEngines}:${capture.port}` };
  } catch (error) {
    const reason = error instanceof DockerUnreachableError ? error.message : `the engine network could not start: ${String(error)}`;
    for (const d of definitions) statuses[d.key] = { state: 'unavailable', reason };
    return { statuses, stop: () => runAll(stops) };
  }

  await Promise.all(
    definitions.map(async (definition) => {
      try {
        const started = await definition.start(shared);
        stops.unshift(started.stop);
        statuses[definition.key] = { state: 'ready', info: started.info };
      } catch (error) {
        if (error instanceof ImageMissingError) statuses[definition.key] = { state: 'unavailable', reason: error.message };
        else statuses[definition.key] = { state: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { statuses, stop: () => runAll(stops) };
}

async function runAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops) await stop().catch(() => undefined);
}
